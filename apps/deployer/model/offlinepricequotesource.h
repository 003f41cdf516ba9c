#pragma once
// OfflinePriceQuoteSource: no relay, no prices (or a fixed quote, for tests and screenshots).

#include "pricequotesource.h"

namespace ttalkak::deployer {

class OfflinePriceQuoteSource : public PriceQuoteSource
{
    Q_OBJECT
public:
    explicit OfflinePriceQuoteSource(QObject *parent = nullptr);

    std::optional<PriceQuote> quote(const ResourceRequest &request) const override;
    void setFixedQuote(std::optional<PriceQuote> quote);

private:
    std::optional<PriceQuote> m_fixed;
};

} // namespace ttalkak::deployer
