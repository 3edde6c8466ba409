using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ExtraHop.RunningConfig
{
    /// <summary>
    /// Which fields of a running config hold secrets, judged by their names since the config has no schema here.
    /// A field is secret when its name contains password, passwd, passphrase, secret, community (SNMP), token,
    /// credential, apikey or privatekey, or when one of its words (split at _, -, . and camelCase) is key, keys, psk
    /// or pwd: "bind_password", "snmp_community", "auth_token", "private_key", "preSharedKey" are secret;
    /// "keyboard_layout" and "monkey" are not. The rule leans to masking: a value hidden needlessly costs a look at
    /// the backup file, one shown needlessly leaks. Everything below a secret field is secret too.
    /// </summary>
    internal static class SecretFields
    {
        private static readonly string[] SecretParts = { "password", "passwd", "passphrase", "secret", "community", "token", "credential", "apikey", "privatekey" };
        private static readonly HashSet<string> SecretWords = new HashSet<string>(StringComparer.Ordinal) { "key", "keys", "psk", "pwd" };

        public static bool IsSecret(string name)
        {
            string lower = name.ToLowerInvariant();
            return SecretParts.Any(part => lower.Contains(part)) || Words(name).Any(SecretWords.Contains);
        }

        private static IEnumerable<string> Words(string name)
        {
            var word = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]));
                if (boundary && word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
                if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            }
            if (word.Length > 0) yield return word.ToString();
        }
    }
}
