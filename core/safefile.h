#pragma once

// Writing and reading files without ever replacing what is not a regular file, losing an old file
// to a failed write, or waiting forever on a FIFO or a /proc file (README: hostile input). Qt-free,
// so that core (training) and the Qt side (CLI, figures, sessions) share one set of rules.

#include <string>

namespace pathlens {

// Throws Error naming `path` when output cannot go there, so that long work is not done for
// nothing: a folder, a socket or block device, a missing or unwritable parent folder. A regular
// file, a character device (/dev/null) or a FIFO passes; whether a FIFO has a reader is known only
// when writeFileSafely opens it (opening it here would hand an early end-of-file to that reader).
void checkOutputPath(const std::string &path);

// Writes `bytes` to `path` (a symbolic link is followed to its target):
// - a regular file, or nothing yet: a temporary file in the same folder, written, fsync'ed and
//   renamed over the target, so that the target is either the old file or the complete new one;
//   an existing file's permissions are kept;
// - a character device (/dev/null, /dev/stdout on a terminal): written into, never replaced;
// - a FIFO: opened without blocking and refused when nothing reads it;
// - anything else (a folder, a socket, a block device): refused;
// - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: written to that descriptor of this
//   process, whatever it is (a terminal, a pipe, the file a shell redirected it to).
// Every failure (ENOSPC, EIO, a short write, a failed fsync or close) throws Error naming the path,
// and the old file stays as it was.
void writeFileSafely(const std::string &path, const std::string &bytes);

// Throws Error naming `path` when it exists but is not something that can be read to its end
// without blocking: a FIFO, a device, a socket, or a file of /proc or /sys (they claim to be regular
// files but some block, e.g. /proc/kmsg). A missing path or a folder passes: the caller says what
// it expected there.
void checkReadableFile(const std::string &path);

// True for a regular file (after following links) that is not on /proc or /sys: what an image
// folder scan reads.
bool isPlainFile(const std::string &path) noexcept;

} // namespace pathlens
