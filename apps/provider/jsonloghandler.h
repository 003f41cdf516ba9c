#pragma once
// JsonLogHandler: structured logs for --headless — one JSON object per line on stderr
// ({"ts","level","category","msg"}), so journald, Docker or a log shipper can parse them.

namespace ttalkak::provider {

class JsonLogHandler
{
public:
    static void install();
};

} // namespace ttalkak::provider
