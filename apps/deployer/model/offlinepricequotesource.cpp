#include "offlinepricequotesource.h"

namespace ttalkak::deployer {

OfflinePriceQuoteSource::OfflinePriceQuoteSource(QObject *parent)
    : PriceQuoteSource(parent)
{
}

std::optional<PriceQuote> OfflinePriceQuoteSource::quote(const ResourceRequest &) const
{
    return m_fixed;
}

void OfflinePriceQuoteSource::setFixedQuote(std::optional<PriceQuote> quote)
{
    m_fixed = quote;
    Q_EMIT quoteChanged();
}

} // namespace ttalkak::deployer
