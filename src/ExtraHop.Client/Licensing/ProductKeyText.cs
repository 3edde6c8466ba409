using System;
using System.Text;
using ExtraHop.Api;

namespace ExtraHop.Licensing
{
    /// <summary>
    /// The shape of a product key, checked before PUT /license/productkey: groups of four letters or digits joined by
    /// dashes, three to eight groups (INFERRED from the "XXXX-…" form the reference and the Administration page show;
    /// the guide gives no grammar). Case and surrounding spaces are forgiven.
    /// </summary>
    internal static class ProductKeyText
    {
        public static string Normalize(string? key)
        {
            string text = (key ?? string.Empty).Trim().ToUpperInvariant();
            string[] groups = text.Split('-');
            bool ok = groups.Length >= 3 && groups.Length <= 8;
            foreach (string group in groups)
            {
                ok &= group.Length == 4;
                foreach (char c in group) ok &= (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            }
            if (!ok)
            {
                throw new InputRefusedException(InputRefusal.InvalidProductKey,
                    $"'{Shorten(text)}' is not a product key: a product key is groups of four letters or digits joined by dashes (XXXX-XXXX-XXXX-XXXX). Nothing was sent.");
            }
            return text;
        }

        /// <summary>Echoes the refused value, bounded, so a pasted paragraph does not flood the error.</summary>
        private static string Shorten(string text)
        {
            var shown = new StringBuilder();
            foreach (char c in text)
            {
                if (shown.Length == 40) return shown + "…";
                shown.Append(char.IsControl(c) ? '?' : c);
            }
            return shown.ToString();
        }
    }
}
