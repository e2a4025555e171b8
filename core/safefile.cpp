#include "safefile.h"

#include "error.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

namespace pathlens {
namespace {

// Filesystem magic numbers from <linux/magic.h>, spelled out so that no kernel header is needed.
constexpr long procMagic = 0x9fa0;
constexpr long sysfsMagic = 0x62656572;

std::string describeErrno(int error)
{
    return std::strerror(error);
}

[[noreturn]] void fail(const std::string &path, const std::string &what, int error)
{
    throw Error(path + ": " + what + " (" + describeErrno(error) + ")");
}

std::string parentOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// The path a write really goes to: the target of a symbolic link (a link to a missing file: the
// file it names), else the path itself.
std::string resolved(const std::string &path)
{
    struct stat info;
    if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode))
        return path;
    char buffer[PATH_MAX];
    if (::realpath(path.c_str(), buffer))
        return buffer;
    const ssize_t length = ::readlink(path.c_str(), buffer, sizeof buffer - 1);
    if (length <= 0)
        return path;
    const std::string target(buffer, size_t(length));
    return target[0] == '/' ? target : parentOf(path) + "/" + target;
}

std::string kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

bool onProcOrSys(const std::string &path)
{
    struct statfs fs;
    return ::statfs(path.c_str(), &fs) == 0 && (long(fs.f_type) == procMagic || long(fs.f_type) == sysfsMagic);
}

// A closed descriptor on every path out; close errors are checked where they matter (by hand).
class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    // close(2) can report a delayed write error (NFS, some FUSE file systems): the caller sees it.
    int close()
    {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }

private:
    int m_fd;
};

// A reader of a FIFO that goes away makes write() raise SIGPIPE, which would end the process
// without a message. SIGPIPE is blocked for this thread while writing, and one that arrived is
// taken back before the old mask returns, so the write fails with EPIPE instead; the process's
// own SIGPIPE handling is left as it was.
class SigpipeBlocked
{
public:
    SigpipeBlocked()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigpipeBlocked()
    {
        sigset_t pending;
        sigpending(&pending);
        if (!m_wasPending && sigismember(&pending, SIGPIPE) == 1) {
            const struct timespec zero{0, 0};
            sigtimedwait(&m_pipe, nullptr, &zero);
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }

private:
    sigset_t m_pipe;
    sigset_t m_old;
    bool m_wasPending = false;
};

// write(2) until every byte is out; a write of 0 bytes counts as a failure (no space).
void writeAll(int fd, const std::string &bytes, const std::string &path)
{
    SigpipeBlocked sigpipe;
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (wrote < 0) {
            if (errno == EINTR)
                continue;
            fail(path, "cannot write", errno);
        }
        if (wrote == 0)
            fail(path, "cannot write (a short write)", ENOSPC);
        done += size_t(wrote);
    }
}

// A device or FIFO takes the bytes as they come: it is never replaced by a regular file
// (rename over /dev/null would turn it into one for the whole system).
void writeInto(const std::string &path, const std::string &bytes, bool fifo)
{
    // O_NONBLOCK: opening a FIFO for writing fails at once with ENXIO when nothing reads it,
    // instead of waiting for a reader forever.
    Descriptor fd(::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (fifo ? O_NONBLOCK : 0)));
    if (fd.get() < 0) {
        if (fifo && errno == ENXIO)
            throw Error(path + ": a FIFO that nothing reads; not waiting for a reader");
        fail(path, "cannot open for writing", errno);
    }
    if (fifo) {
        // A reader is there: from now on a full pipe waits for it, as a pipe to a program should.
        const int flags = ::fcntl(fd.get(), F_GETFL);
        if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) < 0)
            fail(path, "cannot write", errno);
    }
    writeAll(fd.get(), bytes, path);
    // Devices that cannot sync (/dev/null, a terminal, a pipe) say EINVAL or similar: not an error.
    if (::fsync(fd.get()) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP && errno != EBADF)
        fail(path, "cannot write", errno);
    if (fd.close() != 0 && errno != EINTR)
        fail(path, "cannot write", errno);
}

// A name beside the target that no other writer picks: pid, a counter and a random number.
std::string temporaryName(const std::string &path)
{
    static std::atomic<unsigned> counter{0};
    static thread_local std::mt19937 random(std::random_device{}());
    return path + "." + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-"
           + std::to_string(random() % 1000000) + ".tmp";
}

void replaceRegular(const std::string &path, const std::string &bytes, const struct stat *existing)
{
    std::string temporary;
    int raw = -1;
    for (int attempt = 0; attempt < 100 && raw < 0; ++attempt) {
        temporary = temporaryName(path);
        // 0666 and the umask, as any new file; an existing file's mode is copied below.
        raw = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (raw < 0 && errno != EEXIST)
            fail(path, "cannot write a temporary file in " + parentOf(path), errno);
    }
    if (raw < 0)
        fail(path, "cannot write a temporary file in " + parentOf(path), EEXIST);
    Descriptor fd(raw);
    try {
        if (existing)
            ::fchmod(fd.get(), existing->st_mode & 07777); // best effort, as QSaveFile
        writeAll(fd.get(), bytes, path);
        // Without fsync a crash after the rename can leave the new name with no data on disk.
        if (::fsync(fd.get()) != 0)
            fail(path, "cannot write", errno);
        if (fd.close() != 0)
            fail(path, "cannot write", errno);
        // A FIFO or device put there since the check is not renamed over (nothing ever is).
        struct stat now;
        if (::stat(path.c_str(), &now) == 0 && !S_ISREG(now.st_mode))
            throw Error(path + ": is " + kindOf(now.st_mode) + " now; not replacing it");
        if (::rename(temporary.c_str(), path.c_str()) != 0)
            fail(path, "cannot replace the file", errno);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    // The rename itself reaches the disk with the folder; a failure here leaves a complete file.
    Descriptor folder(::open(parentOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() >= 0)
        ::fsync(folder.get());
}

// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N stands for, else -1.
// Those are written through the descriptor this process already holds: following the link would
// reach the shell's redirection target, which a rename would replace (the text printed to stdout
// then going to the unlinked old file), and reopening it would write from its start.
int standardDescriptor(const std::string &path)
{
    if (path == "/dev/stdout")
        return STDOUT_FILENO;
    if (path == "/dev/stderr")
        return STDERR_FILENO;
    for (const char *prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        const size_t length = std::strlen(prefix);
        if (path.compare(0, length, prefix) == 0 && path.size() > length && path.size() < length + 6
            && path.find_first_not_of("0123456789", length) == std::string::npos)
            return std::atoi(path.c_str() + length);
    }
    return -1;
}

} // namespace

void checkOutputPath(const std::string &given)
{
    if (given.empty())
        throw Error("an empty output file name");
    if (const int fd = standardDescriptor(given); fd >= 0) {
        if (::fcntl(fd, F_GETFL) < 0)
            fail(given, "cannot write", errno);
        return;
    }
    const std::string path = resolved(given);
    struct stat info;
    if (::stat(path.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode))
            throw Error(given + ": is a folder, expected a file name");
        if (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode)) {
            if (::access(path.c_str(), W_OK) != 0)
                fail(given, "cannot write", errno);
            return;
        }
        if (!S_ISREG(info.st_mode))
            throw Error(given + ": is " + kindOf(info.st_mode) + "; can write only a regular file, a character device or a FIFO");
    } else if (errno != ENOENT) {
        fail(given, "cannot write", errno);
    }
    // A regular file is replaced through a temporary file beside it: its folder must take one.
    const std::string folder = parentOf(path);
    struct stat folderInfo;
    if (::stat(folder.c_str(), &folderInfo) != 0)
        throw Error(given + ": the folder " + folder + " does not exist");
    if (!S_ISDIR(folderInfo.st_mode))
        throw Error(given + ": " + folder + " is not a folder");
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        fail(given, "cannot write into the folder " + folder, errno);
}

void writeFileSafely(const std::string &given, const std::string &bytes)
{
    if (const int fd = standardDescriptor(given); fd >= 0) {
        writeAll(fd, bytes, given);
        return;
    }
    const std::string path = resolved(given);
    struct stat info;
    if (::stat(path.c_str(), &info) != 0) {
        if (errno != ENOENT)
            fail(given, "cannot write", errno);
        try {
            replaceRegular(path, bytes, nullptr);
        } catch (const Error &e) {
            throw Error(path == given ? e.what() : given + " -> " + e.what());
        }
        return;
    }
    try {
        if (S_ISREG(info.st_mode))
            replaceRegular(path, bytes, &info);
        else if (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode))
            writeInto(path, bytes, S_ISFIFO(info.st_mode));
        else if (S_ISDIR(info.st_mode))
            throw Error(path + ": is a folder, expected a file name");
        else
            throw Error(path + ": is " + kindOf(info.st_mode) + "; can write only a regular file, a character device or a FIFO");
    } catch (const Error &e) {
        throw Error(path == given ? e.what() : given + " -> " + e.what());
    }
}

void checkReadableFile(const std::string &path)
{
    struct stat info;
    if (::stat(path.c_str(), &info) != 0 || S_ISDIR(info.st_mode))
        return;
    if (!S_ISREG(info.st_mode))
        throw Error(path + ": is " + kindOf(info.st_mode) + ", expected a regular file");
    if (onProcOrSys(path))
        throw Error(path + ": is a file of /proc or /sys, expected a regular file");
}

bool isPlainFile(const std::string &path) noexcept
{
    struct stat info;
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && !onProcOrSys(path);
}

} // namespace pathlens
