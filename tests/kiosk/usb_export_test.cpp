// Which folders the staff view offers for a USB export: only mount points of
// removable block devices, read from a fake mount table and a fake sysfs tree
// laid out as the kernel lays out the real one (/sys/class/block/<dev> are
// links into /sys/devices/…, a partition sits inside its disk's directory).
#include "kiosk/core/usb_export.hpp"

#include <gtest/gtest.h>

#include <unistd.h>  // getpid

#include <filesystem>
#include <fstream>

namespace skm::kiosk {
namespace {

namespace fs = std::filesystem;

class FakeMachine {
public:
    FakeMachine() : root_(fs::temp_directory_path() / ("skm-media-" + std::to_string(::getpid()))) {
        fs::remove_all(root_);
        fs::create_directories(root_ / "sys" / "class" / "block");
    }
    ~FakeMachine() {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    // A disk at sysfs path `device_path` (under /sys/devices) with its `removable` flag and one partition.
    void disk(const std::string& device_path, const std::string& name, const std::string& partition, bool removable) {
        const fs::path dir = root_ / "sys" / "devices" / device_path / "block" / name;
        fs::create_directories(dir / partition);
        write(dir / "removable", removable ? "1\n" : "0\n");
        write(dir / partition / "partition", "1\n");
        fs::create_directory_symlink(fs::relative(dir, root_ / "sys" / "class" / "block"), root_ / "sys" / "class" / "block" / name);
        fs::create_directory_symlink(fs::relative(dir / partition, root_ / "sys" / "class" / "block"),
                                     root_ / "sys" / "class" / "block" / partition);
    }
    fs::path folder(const std::string& name) {
        fs::create_directories(root_ / name);
        return root_ / name;
    }
    void mounts(const std::string& text) { write(root_ / "mounts", text); }
    MediaSources sources() const { return {root_ / "mounts", root_ / "sys"}; }

private:
    static void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }
    fs::path root_;
};

TEST(UsbExport, OnlyMountedRemovableDevicesAreOffered) {
    FakeMachine m;
    m.disk("pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0", "sda", "sda2", false);                 // internal SATA
    m.disk("pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/host6/target6:0:0/6:0:0:0", "sdb", "sdb1", true);     // USB stick
    m.disk("platform/sdhci/mmc_host/mmc0/mmc0:0001", "mmcblk0", "mmcblk0p1", true);                         // SD card slot
    m.disk("pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host7/target7:0:0/7:0:0:0", "sdc", "sdc1", false);    // USB disk saying "fixed"
    const fs::path stick = m.folder("media/petugas/FLASHDISK");
    const fs::path card = m.folder("media/petugas/SD CARD");
    const fs::path usb_disk = m.folder("media/petugas/ARSIP");
    const fs::path internal = m.folder("mnt/data");
    m.folder("media/petugas/folder-biasa");  // a writable folder nobody mounted anything on
    const fs::path ram = m.folder("mnt/ram");
    m.mounts("/dev/sda2 / ext4 rw,relatime 0 0\n"
             "proc /proc proc rw 0 0\n"
             "/dev/sda2 " + internal.string() + " ext4 rw 0 0\n"
             "tmpfs " + ram.string() + " tmpfs rw 0 0\n"
             "/dev/sdb1 " + stick.string() + " vfat rw,nosuid,nodev 0 0\n"
             "/dev/mmcblk0p1 " + (m.folder("media/petugas").string() + "/SD\\040CARD") + " exfat rw 0 0\n"
             "/dev/sdc1 " + usb_disk.string() + " ext4 rw 0 0\n"
             "/dev/sdb1 " + stick.string() + " vfat rw 0 0\n");  // mounted twice: offered once
    const auto found = removable_media(m.sources());
    EXPECT_EQ(found, (std::vector<fs::path>{stick, card, usb_disk}));
}

TEST(UsbExport, NoMountTableMeansNothingOffered) {
    EXPECT_TRUE(removable_media({"/nonexistent/mounts", "/nonexistent/sys"}).empty());
}

}  // namespace
}  // namespace skm::kiosk
