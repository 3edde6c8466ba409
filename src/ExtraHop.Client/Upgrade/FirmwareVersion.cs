using System;
using System.Collections.Generic;
using System.Globalization;

namespace ExtraHop.Upgrade
{
    /// <summary>Compares firmware versions such as 9.9.2.1234 part by part; missing parts count as 0.</summary>
    internal static class FirmwareVersion
    {
        public static bool TryParse(string? text, out long[] parts)
        {
            var numbers = new List<long>();
            foreach (string piece in (text ?? string.Empty).Trim().Split('.'))
            {
                if (!long.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out long number)) break;
                numbers.Add(number);
            }
            parts = numbers.ToArray();
            return parts.Length > 0;
        }

        /// <summary>Negative when a is older, zero when equal, positive when newer; null when either is not a version.</summary>
        public static int? Compare(string? a, string? b)
        {
            if (!TryParse(a, out long[] left) || !TryParse(b, out long[] right)) return null;
            for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
            {
                long x = i < left.Length ? left[i] : 0;
                long y = i < right.Length ? right[i] : 0;
                if (x != y) return x < y ? -1 : 1;
            }
            return 0;
        }
    }
}
