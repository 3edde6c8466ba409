using System.Text.Json;
using ExtraHop.RunningConfig;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>The secret-field rule and the canonical backup form, which the backup and compare cmdlets rest on.</summary>
    public sealed class RunningConfigJsonTests
    {
        [Theory]
        [InlineData("bind_password", true)]
        [InlineData("snmp_community", true)]
        [InlineData("auth_token", true)]
        [InlineData("private_key", true)]
        [InlineData("preSharedKey", true)]
        [InlineData("shared_secret", true)]
        [InlineData("passphrase", true)]
        [InlineData("key", true)]
        [InlineData("ssh-keys", true)]
        [InlineData("keyboard_layout", false)]
        [InlineData("monkey", false)]
        [InlineData("hostname", false)]
        [InlineData("servers", false)]
        public void SecretFieldsAreFoundByName(string name, bool secret) => Assert.Equal(secret, SecretFields.IsSecret(name));

        [Fact]
        public void TheBackupFormSortsKeysKeepsNumbersAndTextAndEndsInOneNewline()
        {
            using JsonDocument document = JsonDocument.Parse("{\"b\":{\"z\":1.50,\"a\":[]},\"a\":\"Zürich <x>\",\"c\":[1,{}],\"k\":null}");

            string text = CanonicalJson.Indented(document.RootElement);

            Assert.Equal("{\n  \"a\": \"Zürich <x>\",\n  \"b\": {\n    \"a\": [],\n    \"z\": 1.50\n  },\n  \"c\": [\n    1,\n    {}\n  ],\n  \"k\": null\n}\n", text);
        }

        [Fact]
        public void CompactValuesMaskSecretsAtAnyDepth()
        {
            using JsonDocument document = JsonDocument.Parse("{\"ldap\":{\"server\":\"x\",\"bind_password\":\"p\"},\"list\":[{\"token\":{\"id\":1}}]}");

            Assert.Equal("{\"ldap\":{\"bind_password\":\"********\",\"server\":\"x\"},\"list\":[{\"token\":\"********\"}]}", CanonicalJson.Compact(document.RootElement, maskSecrets: true));
        }
    }
}
