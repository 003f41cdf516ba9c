#pragma once
// Structured logs: one JSON object per line on stderr
//   {"ts":"2024-05-01T10:00:00.123Z","level":"info","category":"ttalkak.relay","msg":"listening","port":8080}
// A message of the form `event key=value key=value` becomes {"msg":"event","key":"value",...},
// so call sites stay plain qCInfo() lines. installLogFormat(false) keeps Qt's text format.

namespace ttalkak::relay {
void installLogFormat(bool json);
} // namespace ttalkak::relay
