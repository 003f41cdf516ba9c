#pragma once
// LogTemplate: one mined log template as a value (a copy; the miner keeps the live state).
//
//   text      "PacketResponder <*> for block blk_<*> terminating" ("<*>" marks a parameter;
//             typed placeholders such as "<IP>" when LogMasker::Rules::typedPlaceholders is set)
//   id        stable for the life of the template, across snapshot/restore
//   samples   the first few raw lines that matched (LogTemplateMiner::Params::maxSamples)

#include <QList>
#include <QString>
#include <QStringList>

namespace ttalkak::core {

class LogTemplate
{
public:
    quint64 id = 0;
    QString text;
    quint64 count = 0; // lines matched (including the one that created it)
    qint64 firstSeenMs = 0; // timestamps given to LogTemplateMiner::add(), ms since the epoch
    qint64 lastSeenMs = 0;
    QStringList samples;

    // Parameter values of each sample line, in template order.
    QList<QStringList> sampleParameters() const;

    // The values `line` gives the placeholders of `templateText` ("<*>", "<NUM>", ..., also inside
    // a token as in "blk_<*>"), aligned token by token. Empty when the token counts differ.
    static QStringList parameters(QStringView templateText, QStringView line);

    friend bool operator==(const LogTemplate &, const LogTemplate &) = default;
};

} // namespace ttalkak::core
