#include "imagefolder.h"

#include "error.h"
#include "safefile.h"

#include <QImage>
#include <QImageReader>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace pathlens {
namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path &path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

// The non-hidden sub-folders of `folder`, sorted by name; unreadable entries are left out.
std::vector<fs::path> subFolders(const fs::path &folder)
{
    std::vector<fs::path> folders;
    std::error_code ec;
    for (fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::error_code typeError;
        if (it->is_directory(typeError) && !hidden(it->path()))
            folders.push_back(it->path());
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

// Every non-hidden regular file under `folder` (not on /proc or /sys), sorted by path. Symbolic links to folders are
// not followed, so a link loop cannot make this run forever.
std::vector<fs::path> filesUnder(const fs::path &folder)
{
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
        if (hidden(it->path())) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            ec.clear();
            continue;
        }
        // Regular files only, and none of /proc or /sys (reached through a link): those claim to
        // be regular files, but reading some (/proc/kmsg) waits forever; a FIFO would too.
        if (isPlainFile(it->path().string()))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Scales `image` so that it covers width x height with its aspect ratio kept, then cuts out the
// centre. An image of the right size is returned untouched, so its pixels stay exact.
QImage coverAndCrop(const QImage &image, int width, int height)
{
    if (image.width() == width && image.height() == height)
        return image;
    const double scale = std::max(double(width) / image.width(), double(height) / image.height());
    const int scaledWidth = std::max(width, int(std::lround(image.width() * scale)));
    const int scaledHeight = std::max(height, int(std::lround(image.height() * scale)));
    const QImage scaled = image.scaled(scaledWidth, scaledHeight, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return scaled.copy((scaledWidth - width) / 2, (scaledHeight - height) / 2, width, height);
}

// The first readable image's size, grey when it is grey: the input shape when no model names one.
Shape shapeOfFirstImage(const std::vector<std::vector<fs::path>> &classFiles, const std::string &folder)
{
    for (const auto &files : classFiles) {
        for (const auto &file : files) {
            QImageReader reader(QString::fromStdString(file.string()));
            reader.setAutoTransform(true);
            const QImage image = reader.read();
            if (!image.isNull())
                return {image.isGrayscale() ? 1 : 3, image.height(), image.width()};
        }
    }
    throw Error(folder + ": no readable image in any class sub-folder");
}

std::string relativeName(const fs::path &file, const fs::path &folder)
{
    std::error_code ec;
    const fs::path relative = fs::relative(file, folder, ec);
    return ec ? file.string() : relative.string();
}

} // namespace

Dataset loadImageFolder(const std::string &folder, const Shape &requestedShape)
{
    std::error_code ec;
    if (!fs::exists(folder, ec))
        throw Error(folder + ": no such folder");
    if (!fs::is_directory(folder, ec))
        throw Error(folder + ": is a file; an image folder is a folder with one sub-folder of images per class");
    const std::vector<fs::path> classes = subFolders(folder);
    if (classes.empty())
        throw Error(folder + ": no class sub-folders; an image folder holds one sub-folder of images per class");
    std::vector<std::vector<fs::path>> classFiles;
    for (const fs::path &classFolder : classes)
        classFiles.push_back(filesUnder(classFolder));

    const Shape shape = requestedShape.empty() ? shapeOfFirstImage(classFiles, folder) : requestedShape;
    if (shape.size() != 3 || (shape[0] != 1 && shape[0] != 3) || shape[1] < 1 || shape[2] < 1)
        throw Error(folder + ": images can be read as 1xHxW (grey) or 3xHxW (RGB), not as " + toString(shape));
    const int channels = int(shape[0]);
    const int height = int(shape[1]);
    const int width = int(shape[2]);
    const size_t imageBytes = size_t(channels) * height * width;

    Dataset data;
    data.path = folder;
    data.format = "images";
    data.imageShape = shape;
    std::vector<std::string> skippedNames;
    int64_t fileCount = 0;
    for (size_t label = 0; label < classes.size(); ++label) {
        data.classNames.push_back(classes[label].filename().string());
        for (const fs::path &file : classFiles[label]) {
            ++fileCount;
            QImageReader reader(QString::fromStdString(file.string()));
            reader.setAutoTransform(true); // EXIF orientation, as a viewer shows the photo
            QImage image = reader.read();
            if (image.isNull()) {
                ++data.skipped;
                if (int(skippedNames.size()) < namedSkippedFiles) {
                    std::error_code sizeError;
                    const bool empty = fs::file_size(file, sizeError) == 0 && !sizeError;
                    skippedNames.push_back(relativeName(file, folder) + " ("
                                           + (empty ? std::string("empty file") : reader.errorString().toStdString()) + ")");
                }
                continue;
            }
            // Converted after scaling: smooth scaling works in 32-bit colour anyway.
            image = coverAndCrop(image, width, height)
                        .convertToFormat(channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
            const size_t offset = data.pixels.size();
            data.pixels.resize(offset + imageBytes);
            uint8_t *out = data.pixels.data() + offset;
            for (int y = 0; y < height; ++y) {
                const uchar *row = image.constScanLine(y);
                for (int x = 0; x < width; ++x)
                    for (int c = 0; c < channels; ++c) // channel-major, as the engine expects (C x H x W)
                        out[(size_t(c) * height + y) * width + x] = row[x * channels + c];
            }
            data.labels.push_back(int64_t(label));
        }
    }
    if (data.labels.empty())
        throw Error(folder + ": no readable image among " + std::to_string(fileCount) + " files in "
                    + std::to_string(classes.size()) + " class sub-folders"
                    + (skippedNames.empty() ? std::string() : " (first: " + skippedNames.front() + ")"));
    if (data.skipped > 0) {
        data.note = folder + ": skipped " + std::to_string(data.skipped) + " of " + std::to_string(fileCount)
                    + " files that are not readable images: ";
        for (size_t i = 0; i < skippedNames.size(); ++i)
            data.note += (i ? ", " : "") + skippedNames[i];
        if (data.skipped > int64_t(skippedNames.size()))
            data.note += ", ...";
    }

    // Normalisation from the images themselves, per channel: IDX and CIFAR-10 default to their
    // data set's own statistics too, so a model trained with per-data-set normalisation gets what
    // it expects, whereas a fixed 0.5 would fit only models trained that way. The model's metadata
    // and --mean/--std still take precedence (Engine).
    std::vector<double> sum(channels, 0.0);
    std::vector<double> squares(channels, 0.0);
    const size_t plane = size_t(height) * width;
    for (size_t i = 0; i < data.pixels.size(); ++i) {
        const double value = data.pixels[i] / 255.0;
        const size_t channel = (i / plane) % channels;
        sum[channel] += value;
        squares[channel] += value * value;
    }
    const double perChannel = double(data.size()) * double(plane);
    for (int c = 0; c < channels; ++c) {
        const double mean = sum[c] / perChannel;
        const double deviation = std::sqrt(std::max(0.0, squares[c] / perChannel - mean * mean));
        data.mean.push_back(float(mean));
        // Images of one flat colour have no spread; dividing by it would give infinities.
        data.std.push_back(deviation > 1e-6 ? float(deviation) : 1.0f);
    }
    return data;
}

bool isImageFolder(const std::string &path)
{
    std::error_code ec;
    return fs::is_directory(path, ec) && !holdsIdxOrCifar(path) && !subFolders(path).empty();
}

Dataset loadAnyDataset(const std::string &path, Split split, const std::string &format, const Shape &inputShape)
{
    if (format != "auto" && format != "idx" && format != "cifar10" && format != "images")
        throw Error("unknown data format '" + format + "': use auto, idx, cifar10 or images");
    if (format != "images" && (format != "auto" || !isImageFolder(path)))
        return loadDataset(path, split, format);

    // A folder with test/ (or val/) and train/ beside each other holds both splits.
    const fs::path root(path);
    const std::vector<std::string> names = split == Split::Test ? std::vector<std::string>{"test", "val", "validation"}
                                                                : std::vector<std::string>{"train", "training"};
    const std::vector<std::string> otherNames = split == Split::Test ? std::vector<std::string>{"train", "training"}
                                                                     : std::vector<std::string>{"test", "val", "validation"};
    auto splitFolder = [&](const std::vector<std::string> &candidates) -> std::string {
        std::error_code ec;
        for (const std::string &name : candidates)
            if (fs::is_directory(root / name, ec) && !subFolders(root / name).empty())
                return (root / name).string();
        return {};
    };
    const std::string chosen = splitFolder(names);
    const std::string other = splitFolder(otherNames);
    Dataset data;
    if (!chosen.empty()) {
        data = loadImageFolder(chosen, inputShape);
    } else if (!other.empty()) {
        throw Error(path + ": has a " + fs::path(other).filename().string() + " sub-folder but none named "
                    + names.front() + " for the " + names.front() + " split");
    } else {
        data = loadImageFolder(path, inputShape);
        if (split == Split::Train) {
            const std::string same = path + ": no train/ and test/ sub-folders, so the training split is the same images";
            data.note = data.note.empty() ? same : same + "; " + data.note;
        }
    }
    data.path = path;
    data.split = split;
    return data;
}

} // namespace pathlens
