using System;

namespace ExtraHop.Firmware
{
    /// <summary>Where an upload stands: bytes, rate and time left.</summary>
    internal sealed class UploadProgress
    {
        public UploadProgress(long bytesSent, long totalBytes, TimeSpan elapsed)
        {
            BytesSent = bytesSent;
            TotalBytes = totalBytes;
            Elapsed = elapsed;
        }

        public long BytesSent { get; }
        public long TotalBytes { get; }
        public TimeSpan Elapsed { get; }
        public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? BytesSent / Elapsed.TotalSeconds : 0;
        public int Percent => TotalBytes > 0 ? (int)(BytesSent * 100 / TotalBytes) : 0;

        public TimeSpan? Remaining =>
            BytesPerSecond > 0 ? TimeSpan.FromSeconds((TotalBytes - BytesSent) / BytesPerSecond) : (TimeSpan?)null;

        public static string FormatBytes(double bytes)
        {
            string[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
            int unit = 0;
            while (bytes >= 1024 && unit < units.Length - 1)
            {
                bytes /= 1024;
                unit++;
            }
            return unit == 0 ? $"{bytes:0} {units[unit]}" : $"{bytes:0.0} {units[unit]}";
        }

        public override string ToString() =>
            $"{FormatBytes(BytesSent)} of {FormatBytes(TotalBytes)} at {FormatBytes(BytesPerSecond)}/s" +
            (Remaining.HasValue ? $", {Remaining.Value:hh\\:mm\\:ss} left" : string.Empty);
    }
}
