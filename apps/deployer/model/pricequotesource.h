#pragma once
// PriceQuoteSource: where the price estimate comes from. The relay client will
// implement it from the providers' published prices; until then the deployer
// uses OfflinePriceQuoteSource, which has no quote.
// Thread: GUI thread. quoteChanged() fires whenever quote() may have changed.

#include "pricequote.h"

#include <QObject>

#include <optional>

namespace ttalkak::deployer {

class PriceQuoteSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~PriceQuoteSource() override;

    // The cheapest current quote able to host the request, or nullopt when unknown.
    virtual std::optional<PriceQuote> quote(const ResourceRequest &request) const = 0;

Q_SIGNALS:
    void quoteChanged();
};

} // namespace ttalkak::deployer
