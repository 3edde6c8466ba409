using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ExtraHop.Auth
{
    /// <summary>Reads a SecureString only at the moment a header is built; nothing else in the module sees the text.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret)
        {
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>Text the appliance sent (a new API key) into a read-only SecureString, the only form it leaves the module in.</summary>
        public static SecureString FromText(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>A private, read-only copy, so the caller disposing or changing theirs cannot break the session.</summary>
        public static SecureString Keep(SecureString secret)
        {
            if (secret == null || secret.Length == 0) throw new ArgumentException("The secret is empty.");
            SecureString copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }
    }
}
