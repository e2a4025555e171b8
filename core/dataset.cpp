#include "dataset.h"

#include "error.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

namespace pathlens {
namespace {

namespace fs = std::filesystem;

// Reads a raw or gzip-compressed file (zlib reads both) in chunks, so that a header declaring
// huge dimensions never makes us allocate before the data is really there.
class CompressedReader
{
public:
    explicit CompressedReader(const std::string &path)
        : m_path(path)
        , m_file(gzopen(path.c_str(), "rb"), &gzclose)
    {
        if (!m_file)
            throw Error(path + ": cannot open the file");
    }

    // Reads up to `count` bytes and appends them; returns how many arrived.
    size_t append(std::vector<uint8_t> &out, size_t count)
    {
        constexpr size_t chunk = size_t(1) << 20;
        size_t total = 0;
        while (total < count) {
            const size_t want = std::min(chunk, count - total);
            const size_t offset = out.size();
            out.resize(offset + want);
            const int got = gzread(m_file.get(), out.data() + offset, static_cast<unsigned>(want));
            if (got < 0) {
                int code = 0;
                throw Error(m_path + ": cannot read the file (" + gzerror(m_file.get(), &code) + ")");
            }
            out.resize(offset + got);
            total += got;
            if (got == 0)
                break;
        }
        return total;
    }

    void readExactly(std::vector<uint8_t> &out, size_t count, const std::string &what)
    {
        const size_t got = append(out, count);
        if (got < count)
            throw Error(m_path + ": truncated: expected " + std::to_string(count) + " bytes of " + what + ", found "
                        + std::to_string(got));
    }

private:
    std::string m_path;
    std::unique_ptr<gzFile_s, int (*)(gzFile)> m_file;
};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// IDX (LeCun's MNIST format): big-endian magic 0x0000 <type> <dims>, then one uint32 per dimension.
std::vector<uint8_t> readIdx(const std::string &path, int expectedDims, std::vector<uint32_t> &dims)
{
    CompressedReader reader(path);
    std::vector<uint8_t> header;
    if (reader.append(header, 4) < 4)
        throw Error(path + ": too short for an IDX file (no 4-byte magic number)");
    if (header[0] != 0 || header[1] != 0 || header[2] != 0x08 || header[3] != expectedDims) {
        char magic[16];
        std::snprintf(magic, sizeof magic, "%02x%02x%02x%02x", header[0], header[1], header[2], header[3]);
        throw Error(path + ": wrong magic number 0x" + magic + " for an IDX " + (expectedDims == 1 ? "label" : "image")
                    + " file, expected 0x000008" + (expectedDims == 1 ? "01" : "03") + " (unsigned bytes, "
                    + std::to_string(expectedDims) + " dimensions)");
    }
    header.clear();
    reader.readExactly(header, 4 * expectedDims, "IDX header");
    dims.clear();
    constexpr uint64_t limit = uint64_t(4) << 30; // 4 GiB of pixels is far beyond any data set we show
    uint64_t total = 1;
    bool tooLarge = false;
    std::string declared;
    for (int i = 0; i < expectedDims; ++i) {
        dims.push_back(uint32_t(header[4 * i]) << 24 | uint32_t(header[4 * i + 1]) << 16 | uint32_t(header[4 * i + 2]) << 8
                       | uint32_t(header[4 * i + 3]));
        declared += (i ? " x " : "") + std::to_string(dims.back());
        // Checked at every step: three 32-bit sizes can overflow 64 bits and wrap to a small number.
        if (dims.back() != 0 && total > limit / dims.back())
            tooLarge = true;
        else
            total *= dims.back();
    }
    if (std::find(dims.begin(), dims.end(), 0u) != dims.end()) { // no data at all, however large the rest
        tooLarge = false;
        total = 0;
    }
    if (tooLarge)
        throw Error(path + ": the header declares " + declared + " bytes of data, more than the 4 GiB limit");
    std::vector<uint8_t> data;
    reader.readExactly(data, static_cast<size_t>(total), "data declared in the header");
    return data;
}

std::string firstExisting(const fs::path &folder, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        std::error_code ec;
        if (fs::exists(folder / name, ec))
            return (folder / name).string();
    }
    return {};
}

Dataset loadIdx(const std::string &userPath, const std::string &imagesPath, const std::string &labelsPath, Split split)
{
    Dataset data;
    data.path = userPath;
    data.format = "idx";
    data.split = split;
    std::vector<uint32_t> imageDims;
    std::vector<uint32_t> labelDims;
    data.pixels = readIdx(imagesPath, 3, imageDims);
    const std::vector<uint8_t> labels = readIdx(labelsPath, 1, labelDims);
    if (imageDims[0] != labelDims[0])
        throw Error(labelsPath + ": holds " + std::to_string(labelDims[0]) + " labels but " + imagesPath + " holds "
                    + std::to_string(imageDims[0]) + " images");
    data.imageShape = {1, imageDims[1], imageDims[2]};
    data.labels.assign(labels.begin(), labels.end());
    const bool fashion = lower(userPath).find("fashion") != std::string::npos;
    const bool digits = !fashion && lower(userPath).find("mnist") != std::string::npos;
    if (digits) {
        for (int i = 0; i < 10; ++i)
            data.classNames.push_back(std::to_string(i));
        data.mean = {0.1307f}; // MNIST's training-set statistics
        data.std = {0.3081f};
    } else {
        // Fashion-MNIST's training-set statistics are the default for IDX data (DESIGN.md section 7).
        data.classNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
        data.mean = {0.2860f};
        data.std = {0.3530f};
    }
    return data;
}

// CIFAR-10 binary: records of 1 label byte + 3072 pixel bytes (3 x 32 x 32, channel-major).
void appendCifar(Dataset &data, const std::string &path)
{
    constexpr size_t recordSize = 1 + 3 * 32 * 32;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw Error(path + ": cannot read the file (" + ec.message() + ")");
    if (size == 0 || size % recordSize != 0)
        throw Error(path + ": size " + std::to_string(size) + " bytes is not a multiple of the CIFAR-10 record size "
                    + std::to_string(recordSize));
    CompressedReader reader(path);
    std::vector<uint8_t> bytes;
    reader.readExactly(bytes, size, "CIFAR-10 records");
    const size_t count = size / recordSize;
    data.pixels.reserve(data.pixels.size() + count * (recordSize - 1));
    for (size_t i = 0; i < count; ++i) {
        const uint8_t *record = bytes.data() + i * recordSize;
        if (record[0] > 9)
            throw Error(path + ": record " + std::to_string(i) + " has label " + std::to_string(record[0])
                        + ", CIFAR-10 labels are 0..9");
        data.labels.push_back(record[0]);
        data.pixels.insert(data.pixels.end(), record + 1, record + recordSize);
    }
}

Dataset loadCifar(const std::string &userPath, const std::vector<std::string> &files, Split split)
{
    Dataset data;
    data.path = userPath;
    data.format = "cifar10";
    data.split = split;
    data.imageShape = {3, 32, 32};
    for (const auto &file : files)
        appendCifar(data, file);
    data.classNames = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
    data.mean = {0.4914f, 0.4822f, 0.4465f};
    data.std = {0.2470f, 0.2435f, 0.2616f};
    return data;
}

// The label file that belongs to an IDX image file: "...images-idx3-ubyte" -> "...labels-idx1-ubyte".
std::string idxLabelsFor(const std::string &imagesPath)
{
    std::string labels = imagesPath;
    for (const auto &[from, to] : {std::pair<std::string, std::string>{"images", "labels"}, {"idx3", "idx1"}}) {
        const auto at = labels.rfind(from);
        if (at != std::string::npos)
            labels.replace(at, from.size(), to);
    }
    return labels;
}

// The IDX image file of `split` in `folder`; empty when there is none.
std::string idxImagesIn(const fs::path &folder, Split split)
{
    return split == Split::Test
               ? firstExisting(folder, {"t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"})
               : firstExisting(folder, {"train-images-idx3-ubyte.gz", "train-images-idx3-ubyte", "train-images.idx3-ubyte"});
}

// The CIFAR-10 batches of `split` in `folder` or its cifar-10-batches-bin sub-folder (as the
// archive unpacks); empty when there are none.
std::vector<std::string> cifarBatchesIn(const fs::path &folder, Split split)
{
    std::error_code ec;
    for (const fs::path &root : {folder, folder / "cifar-10-batches-bin"}) {
        std::vector<std::string> files;
        if (split == Split::Test) {
            if (fs::exists(root / "test_batch.bin", ec))
                files.push_back((root / "test_batch.bin").string());
        } else {
            for (int i = 1; i <= 5; ++i)
                if (fs::exists(root / ("data_batch_" + std::to_string(i) + ".bin"), ec))
                    files.push_back((root / ("data_batch_" + std::to_string(i) + ".bin")).string());
        }
        if (!files.empty())
            return files;
    }
    return {};
}

} // namespace

bool holdsIdxOrCifar(const std::string &folder)
{
    for (Split split : {Split::Test, Split::Train})
        if (!idxImagesIn(folder, split).empty() || !cifarBatchesIn(folder, split).empty())
            return true;
    return false;
}

std::string defaultDatasetPath()
{
    return "/usr/share/datasets/fashion-mnist";
}

Dataset loadDataset(const std::string &path, Split split, const std::string &format)
{
    if (format != "auto" && format != "idx" && format != "cifar10")
        throw Error("unknown data format '" + format + "': use auto, idx or cifar10");
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(path + ": no such file or folder");
    const bool test = split == Split::Test;

    if (fs::is_directory(path, ec)) {
        const fs::path folder(path);
        if (format != "cifar10") {
            const std::string images = idxImagesIn(folder, split);
            if (!images.empty()) {
                const std::string labels = idxLabelsFor(images);
                if (!fs::exists(labels, ec))
                    throw Error(labels + ": no such file (the labels for " + images + ")");
                return loadIdx(path, images, labels, split);
            }
        }
        if (format != "idx") {
            const std::vector<std::string> files = cifarBatchesIn(folder, split);
            if (!files.empty())
                return loadCifar(path, files, split);
        }
        throw Error(path + ": no data set found in this folder: looked for " + (test ? "t10k" : "train")
                    + "-images-idx3-ubyte[.gz] with its labels (IDX) and for "
                    + (test ? "test_batch.bin" : "data_batch_1..5.bin") + " (CIFAR-10 binary)");
    }

    const std::string name = lower(fs::path(path).filename().string());
    const bool looksCifar = name.size() > 4 && name.substr(name.size() - 4) == ".bin";
    if (format == "cifar10" || (format == "auto" && looksCifar))
        return loadCifar(path, {path}, split);
    if (name.find("labels") != std::string::npos)
        throw Error(path + ": this is a label file; name the image file (…-images-idx3-ubyte) or the folder");
    const std::string labels = idxLabelsFor(path);
    if (labels == path || !fs::exists(labels, ec))
        throw Error(path + ": cannot find the matching label file (looked for " + labels + ")");
    return loadIdx(path, path, labels, split);
}

void truncate(Dataset &dataset, int64_t limit)
{
    if (limit < 0 || limit >= dataset.size())
        return;
    dataset.labels.resize(limit);
    dataset.pixels.resize(limit * elementCount(dataset.imageShape));
}

Dataset stratifiedSubset(const Dataset &dataset, int64_t count)
{
    if (count < 0 || count >= dataset.size())
        return dataset;
    const int64_t classes = *std::max_element(dataset.labels.begin(), dataset.labels.end()) + 1;
    std::vector<int64_t> available(classes, 0);
    for (int64_t label : dataset.labels)
        ++available[label];
    // Equal shares, then what small classes cannot fill goes round the others.
    std::vector<int64_t> share(classes, 0);
    for (int64_t left = count; left > 0;) {
        bool gave = false;
        for (int64_t c = 0; c < classes && left > 0; ++c) {
            if (share[c] < available[c]) {
                ++share[c];
                --left;
                gave = true;
            }
        }
        if (!gave)
            break;
    }
    Dataset subset = dataset;
    subset.labels.clear();
    subset.pixels.clear();
    const int64_t imageBytes = elementCount(dataset.imageShape);
    for (int64_t i = 0; i < dataset.size(); ++i) {
        const int64_t label = dataset.labels[i];
        if (share[label] == 0)
            continue;
        --share[label];
        subset.labels.push_back(label);
        subset.pixels.insert(subset.pixels.end(), dataset.pixels.begin() + i * imageBytes,
                             dataset.pixels.begin() + (i + 1) * imageBytes);
    }
    return subset;
}

} // namespace pathlens
