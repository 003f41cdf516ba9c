#include "pricequotesource.h"

namespace ttalkak::deployer {
PriceQuoteSource::~PriceQuoteSource() = default;
} // namespace ttalkak::deployer
