#include "dataset.h"

#include "error.h"
#include "safefile.h"

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
        , m_file(open(path), &gzclose)
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
    // Regular files only: gzopen of a FIFO without a writer, or of /proc/kmsg, waits forever.
    static gzFile open(const std::string &path)
    {
        checkReadableFile(path);
        return gzopen(path.c_str(), "rb");
    }

    std::string m_path;
    std::unique_ptr<gzFile_s, int (*)(gzFile)> m_file;
};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// IDX (LeCun's MNIST format): big-endian magic 0x0000 <type> <dims>, then one uint32 per dimension.
struct IdxHeader
{
    std::vector<uint32_t> sizes;
    uint64_t dataBytes = 0;
    size_t headerBytes = 0;
};

// Checks the magic number and the sizes at the start of an IDX file. `size` may cover only the
// header: the file reader decides from it how much data to read, before allocating any.
IdxHeader parseIdxHeader(const uint8_t *bytes, size_t size, int dimensions, const std::string &name)
{
    if (size < 4)
        throw Error(name + ": too short for an IDX file (no 4-byte magic number)");
    if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08 || bytes[3] != dimensions) {
        char magic[16];
        std::snprintf(magic, sizeof magic, "%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2], bytes[3]);
        throw Error(name + ": wrong magic number 0x" + magic + " for an IDX " + (dimensions == 1 ? "label" : "image")
                    + " file, expected 0x000008" + (dimensions == 1 ? "01" : "03") + " (unsigned bytes, "
                    + std::to_string(dimensions) + " dimensions)");
    }
    IdxHeader header;
    header.headerBytes = 4 + 4 * size_t(dimensions);
    if (size < header.headerBytes)
        throw Error(name + ": truncated: expected " + std::to_string(4 * dimensions) + " bytes of IDX header, found "
                    + std::to_string(size - 4));
    std::string sizesText;
    for (int i = 0; i < dimensions; ++i) {
        const uint8_t *at = bytes + 4 + 4 * i;
        header.sizes.push_back(uint32_t(at[0]) << 24 | uint32_t(at[1]) << 16 | uint32_t(at[2]) << 8 | uint32_t(at[3]));
        sizesText += (i ? " x " : "") + std::to_string(header.sizes.back());
    }
    // Three 32-bit sizes can overflow 64 bits (2^31 x 2^31 x 4 wraps to 0), so the product is
    // checked against the limit factor by factor instead of after the fact.
    constexpr uint64_t limit = uint64_t(4) << 30; // 4 GiB of pixels is far beyond any data set we show
    const bool empty = std::find(header.sizes.begin(), header.sizes.end(), 0u) != header.sizes.end();
    uint64_t total = empty ? 0 : 1;
    for (uint32_t factor : header.sizes) {
        if (empty)
            break;
        if (total > limit / factor)
            throw Error(name + ": the header declares " + sizesText + " bytes of data, more than the 4 GiB limit");
        total *= factor;
    }
    header.dataBytes = total;
    return header;
}

std::string truncatedData(const std::string &name, uint64_t expected, uint64_t found)
{
    return name + ": truncated: expected " + std::to_string(expected) + " bytes of data declared in the header, found "
           + std::to_string(found);
}

// The file reader: the header first, then exactly the data it declares, so that a header declaring
// huge dimensions never makes us allocate before the data is really there.
IdxArray readIdx(const std::string &path, int dimensions)
{
    CompressedReader reader(path);
    std::vector<uint8_t> bytes;
    reader.append(bytes, 4 + 4 * size_t(dimensions));
    const IdxHeader header = parseIdxHeader(bytes.data(), bytes.size(), dimensions, path);
    IdxArray array;
    array.sizes = header.sizes;
    const size_t got = reader.append(array.data, static_cast<size_t>(header.dataBytes));
    if (got < header.dataBytes)
        throw Error(truncatedData(path, header.dataBytes, got));
    return array;
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

// An image array and a label array as a data set (DESIGN.md section 7).
Dataset idxDataset(IdxArray images, const std::string &imagesName, const IdxArray &labels,
                   const std::string &labelsName, const std::string &userPath, Split split)
{
    if (images.sizes[0] != labels.sizes[0])
        throw Error(labelsName + ": holds " + std::to_string(labels.sizes[0]) + " labels but " + imagesName + " holds "
                    + std::to_string(images.sizes[0]) + " images");
    // An empty set or empty images would only fail later, in the engine, without naming the file.
    if (images.sizes[0] == 0)
        throw Error(imagesName + ": holds no images");
    if (images.sizes[1] == 0 || images.sizes[2] == 0)
        throw Error(imagesName + ": its images of " + std::to_string(images.sizes[1]) + "x"
                    + std::to_string(images.sizes[2]) + " pixels are empty");
    Dataset data;
    data.path = userPath;
    data.format = "idx";
    data.split = split;
    data.imageShape = {1, images.sizes[1], images.sizes[2]};
    data.pixels = std::move(images.data);
    data.labels.assign(labels.data.begin(), labels.data.end());
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

Dataset loadIdx(const std::string &userPath, const std::string &imagesPath, const std::string &labelsPath, Split split)
{
    IdxArray images = readIdx(imagesPath, 3);
    const IdxArray labels = readIdx(labelsPath, 1);
    return idxDataset(std::move(images), imagesPath, labels, labelsPath, userPath, split);
}

// CIFAR-10 binary: records of 1 label byte + 3072 pixel bytes (3 x 32 x 32, channel-major).
constexpr size_t cifarRecordSize = 1 + 3 * 32 * 32;

std::string notCifarSize(const std::string &name, uint64_t size)
{
    return name + ": size " + std::to_string(size) + " bytes is not a multiple of the CIFAR-10 record size "
           + std::to_string(cifarRecordSize);
}

void appendCifarRecords(Dataset &data, const uint8_t *bytes, size_t size, const std::string &name)
{
    if (size == 0 || size % cifarRecordSize != 0)
        throw Error(notCifarSize(name, size));
    const size_t count = size / cifarRecordSize;
    data.pixels.reserve(data.pixels.size() + count * (cifarRecordSize - 1));
    for (size_t i = 0; i < count; ++i) {
        const uint8_t *record = bytes + i * cifarRecordSize;
        if (record[0] > 9)
            throw Error(name + ": record " + std::to_string(i) + " has label " + std::to_string(record[0])
                        + ", CIFAR-10 labels are 0..9");
        data.labels.push_back(record[0]);
        data.pixels.insert(data.pixels.end(), record + 1, record + cifarRecordSize);
    }
}

void appendCifar(Dataset &data, const std::string &path)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw Error(path + ": cannot read the file (" + ec.message() + ")");
    // Checked before reading, so that a large file of the wrong kind is refused at once.
    if (size == 0 || size % cifarRecordSize != 0)
        throw Error(notCifarSize(path, size));
    CompressedReader reader(path);
    std::vector<uint8_t> bytes;
    reader.readExactly(bytes, size, "CIFAR-10 records");
    appendCifarRecords(data, bytes.data(), bytes.size(), path);
}

Dataset cifarDataset(const std::string &userPath, Split split)
{
    Dataset data;
    data.path = userPath;
    data.format = "cifar10";
    data.split = split;
    data.imageShape = {3, 32, 32};
    data.classNames = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
    data.mean = {0.4914f, 0.4822f, 0.4465f};
    data.std = {0.2470f, 0.2435f, 0.2616f};
    return data;
}

Dataset loadCifar(const std::string &userPath, const std::vector<std::string> &files, Split split)
{
    Dataset data = cifarDataset(userPath, split);
    for (const auto &file : files)
        appendCifar(data, file);
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

IdxArray parseIdxArray(const uint8_t *bytes, size_t size, int dimensions, const std::string &name)
{
    const IdxHeader header = parseIdxHeader(bytes, size, dimensions, name);
    const size_t available = size - header.headerBytes;
    if (available < header.dataBytes)
        throw Error(truncatedData(name, header.dataBytes, available));
    IdxArray array;
    array.sizes = header.sizes;
    array.data.assign(bytes + header.headerBytes, bytes + header.headerBytes + header.dataBytes);
    return array;
}

Dataset parseIdxDataset(const uint8_t *images, size_t imagesSize, const std::string &imagesName, const uint8_t *labels,
                        size_t labelsSize, const std::string &labelsName, const std::string &path, Split split)
{
    IdxArray imageArray = parseIdxArray(images, imagesSize, 3, imagesName);
    const IdxArray labelArray = parseIdxArray(labels, labelsSize, 1, labelsName);
    return idxDataset(std::move(imageArray), imagesName, labelArray, labelsName, path, split);
}

Dataset parseCifar10Batch(const uint8_t *bytes, size_t size, const std::string &name, Split split)
{
    Dataset data = cifarDataset(name, split);
    appendCifarRecords(data, bytes, size, name);
    return data;
}

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
    checkReadableFile(path); // a FIFO or device: said so, rather than searched for label files
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
