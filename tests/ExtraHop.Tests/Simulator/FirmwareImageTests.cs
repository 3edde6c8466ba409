using System;
using System.Formats.Tar;
using System.IO;
using System.Security.Cryptography;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class FirmwareImageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CreatedImageReadsBackItsVersionAndHasAboutTheRequestedSize()
    {
        var path = _temp.Image("9.9.2.1234", 1024 * 1024);

        using var stream = File.OpenRead(path);
        Assert.Equal("9.9.2.1234", FirmwareImage.ReadVersion(stream));
        Assert.InRange(new FileInfo(path).Length, 1024 * 1024 - 512, 1024 * 1024 + 512);
    }

    [Fact]
    public void CreatedImageIsATarArchiveThatOtherReadersUnderstand()
    {
        var path = _temp.Image("9.9.2.1234", 200_000);

        using var reader = new TarReader(File.OpenRead(path));
        var first = reader.GetNextEntry(copyData: true)!;
        Assert.Equal("VERSION", first.Name);
        Assert.Equal("9.9.2.1234", new StreamReader(first.DataStream!).ReadToEnd().Trim());
        var second = reader.GetNextEntry()!;
        Assert.Equal("extrahop-9.9.2.1234/firmware.bin", second.Name);
        Assert.True(second.Length > 190_000);
        Assert.Null(reader.GetNextEntry());
    }

    [Fact]
    public void SameArgumentsGiveTheSameBytesAndOtherVersionsDiffer()
    {
        static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

        Assert.Equal(Hash(_temp.Image("9.9.1.1100")), Hash(_temp.Image("9.9.1.1100")));
        Assert.NotEqual(Hash(_temp.Image("9.9.1.1100")), Hash(_temp.Image("9.9.2.1234")));
    }

    [Fact]
    public void VersionComesFromAnEntryPathWhenThereIsNoVersionFile()
    {
        // Written by the framework's tar writer in pax format, independently of the simulator's own writer.
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "extrahop-9.9.1.1100/"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "extrahop-9.9.1.1100/" + new string('x', 120) + ".bin")
            {
                DataStream = new MemoryStream(new byte[3000]),
            });
        }

        archive.Position = 0;
        Assert.Equal("9.9.1.1100", FirmwareImage.ReadVersion(archive));
    }

    [Fact]
    public void LongPathsInGnuFormatAreUnderstood()
    {
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Gnu, leaveOpen: true))
        {
            writer.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, "README") { DataStream = new MemoryStream(new byte[700]) });
            writer.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, "./extrahop-9.8.3.1500/" + new string('y', 150)) { DataStream = new MemoryStream(new byte[10]) });
        }

        archive.Position = 0;
        Assert.Equal("9.8.3.1500", FirmwareImage.ReadVersion(archive));
    }

    [Fact]
    public void NonTarOrVersionlessInputGivesNull()
    {
        Assert.Null(FirmwareImage.ReadVersion(new MemoryStream(new byte[5000])));
        Assert.Null(FirmwareImage.ReadVersion(new MemoryStream(RandomNumberGenerator.GetBytes(5000))));

        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "notes.txt") { DataStream = new MemoryStream(new byte[100]) });
        }

        archive.Position = 0;
        Assert.Null(FirmwareImage.ReadVersion(archive));
    }

    [Fact]
    public void CreateRefusesSomethingThatIsNotAVersion()
    {
        Assert.Throws<ArgumentException>(() => FirmwareImage.Create(Path.Combine(_temp.Path, "x.tar"), "latest"));
    }
}
