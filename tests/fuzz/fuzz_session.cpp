// libFuzzer target: the session-file reader (widgets/document/session.cpp, parseSession; Qt Core only).
// The input is a session file's bytes. Only pathlens::Error may leave the parser; an accepted
// session must also survive being written and read again unchanged (sessionToJson).
// Seeds (tests/fuzz/make_seeds.py) name files that exist on every machine, such as /bin/sh.

#include "error.h"
#include "fuzz_common.h"
#include "session.h"

#include <cstdint>

using namespace pathlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const QString path = QStringLiteral("/nonexistent/fuzz.pathlens");
    try {
        const Session session = parseSession(json, path);
        PL_FUZZ_CHECK(!session.model.isEmpty());
        for (const Slot &slot : session.arrangement)
            PL_FUZZ_CHECK(slot.block >= 0);
        const Session again = parseSession(sessionToJson(session), path);
        PL_FUZZ_CHECK(again.arrangement.size() == session.arrangement.size());
        for (size_t i = 0; i < session.arrangement.size(); ++i)
            PL_FUZZ_CHECK(again.arrangement[i].block == session.arrangement[i].block
                          && again.arrangement[i].active == session.arrangement[i].active);
        PL_FUZZ_CHECK(again.randomK == session.randomK && again.pathGraph == session.pathGraph
                      && again.liveImages == session.liveImages);
    } catch (const Error &) {
    }
    return 0;
}
