// pathlens-cli: the paper's experiments without a display (DESIGN.md section 8). The commands
// live in app/commands/, listed in one table (commands.h). Errors go to stderr and exit with code 2.

#include "commands.h"
#include "error.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

using namespace pathlens;
using namespace pathlens::cli;

int main(int argc, char **argv)
{
    // Figures are drawn with Qt Widgets, which need a QApplication; the CLI never shows a
    // window, so it draws offscreen and needs no display. Commands without figures stay Core-only.
    bool drawsFigures = false;
    bool merge = false; // merge --out DIR writes a report
    bool writesFolder = false;
    for (int i = 1; i < argc; ++i) {
        drawsFigures |= std::strcmp(argv[i], "report") == 0 || std::strncmp(argv[i], "--plot", 6) == 0;
        merge |= std::strcmp(argv[i], "merge") == 0;
        writesFolder |= std::strncmp(argv[i], "--out", 5) == 0;
    }
    drawsFigures |= merge && writesFolder;
    if (drawsFigures && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app(drawsFigures ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("pathlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PATHLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), commandNames());
    parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("TorchScript model file (.pt)"), QStringLiteral("[MODEL]"));
    parser.addOptions(allOptions());
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "pathlens-cli: %s\n", qPrintable(parser.errorText()));
        return exitError;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        std::fprintf(stderr, "pathlens-cli: no command given; see pathlens-cli --help\n");
        return exitError;
    }
    interrupted(); // constructed before the handler can run
    std::signal(SIGINT, [](int) { interrupted().cancel(); });
    try {
        const int code = Context(parser).run(arguments[0], arguments);
        // The result on stdout is output like any file: a full disk or a closed pipe is an error.
        out().flush();
        if (out().status() != QTextStream::Ok || std::fflush(stdout) != 0 || std::ferror(stdout))
            throw Error("standard output: cannot write the result (" + std::string(std::strerror(errno)) + ")");
        return code;
    } catch (const Interrupted &) {
        std::fprintf(stderr, "\npathlens-cli: stopped by Ctrl-C; files written before are kept\n");
        return exitInterrupted;
    } catch (const Error &e) {
        std::fprintf(stderr, "pathlens-cli: %s\n", e.what());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "pathlens-cli: unexpected failure: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "pathlens-cli: unexpected failure of an unknown kind\n");
    }
    return exitError;
}
