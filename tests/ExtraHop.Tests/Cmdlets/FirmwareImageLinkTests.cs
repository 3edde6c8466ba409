using System.IO;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>An image reached through a symbolic link (a "current.tar" that points at the release) is uploaded whole.</summary>
    public sealed class FirmwareImageLinkTests : SimulatorTest
    {
        private const string To = "9.9.2.1234";
        private string image = null!;

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
            image = Temp.Image(To, 300 * 1024);
            string link = Path.Combine(Temp.Path, "current.tar");
            File.CreateSymbolicLink(link, image);
            Shell.SetVariable("link", link);
        }

        [Fact]
        public void SendEHFirmwareUploadsTheImageALinkPointsTo()
        {
            FirmwareUpload upload = Shell.Invoke("Send-EHFirmware -Path $link -Confirm:$false").AssertNoErrors().Single<FirmwareUpload>();

            long size = new FileInfo(image).Length;
            Assert.Equal(size, upload.Bytes);
            Assert.Equal(size, Sim["eh1"].BytesReceivedLastUpload);
            Assert.Equal(To, Sim["eh1"].UploadedVersion);
        }

        [Fact]
        public void InvokeEHFirmwareUpgradeUpgradesFromALinkedImage()
        {
            FirmwareUpgradeResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $link -Force -PollIntervalSec 0.05").AssertNoErrors().Single<FirmwareUpgradeResult>();

            Assert.Equal(UpgradeStatus.Succeeded, result.Status);
            Assert.Equal(To, result.ToVersion);
            Assert.Equal(new FileInfo(image).Length, Sim["eh1"].BytesReceivedLastUpload);
        }
    }
}
