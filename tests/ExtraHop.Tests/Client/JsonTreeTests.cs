using System;
using System.Collections.Generic;
using System.Linq;
using ExtraHop.Json;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>Any JSON answer read as plain values (what Invoke-EHRestMethod turns into PowerShell objects).</summary>
    public sealed class JsonTreeTests
    {
        [Fact]
        public void ObjectsKeepTheirFieldsInOrderAndValuesTheirTypes()
        {
            var tree = (JsonFields)JsonTree.Parse(@" {""z"": ""text \u00e9\n"", ""a"": 42, ""m"": -1.5, ""big"": 12345678901234567890,
                ""t"": true, ""f"": false, ""n"": null, ""list"": [1, ""two"", [3], {""x"": {}}], ""empty"": []} ")!;

            Assert.Equal(new[] { "z", "a", "m", "big", "t", "f", "n", "list", "empty" }, tree.Select(f => f.Key));
            Assert.Equal("text \u00e9\n", tree[0].Value);
            Assert.Equal(42L, tree[1].Value);
            Assert.Equal(-1.5, tree[2].Value);
            Assert.Equal(12345678901234567890d, tree[3].Value);
            Assert.Equal(true, tree[4].Value);
            Assert.Equal(false, tree[5].Value);
            Assert.Null(tree[6].Value);
            var list = (object?[])tree[7].Value!;
            Assert.Equal(1L, list[0]);
            Assert.Equal("two", list[1]);
            Assert.Equal(new object[] { 3L }, (object?[])list[2]!);
            Assert.Empty((JsonFields)((JsonFields)list[3]!)[0].Value!);
            Assert.Empty((object?[])tree[8].Value!);
        }

        [Fact]
        public void ANameGivenTwiceIsKeptTwice()
        {
            var tree = (JsonFields)JsonTree.Parse(@"{""id"": 1, ""ID"": 2, ""id"": 3}")!;
            Assert.Equal(new KeyValuePair<string, object?>[] { new("id", 1L), new("ID", 2L), new("id", 3L) }, tree);
        }

        [Fact]
        public void ATopLevelArrayOrValueIsReadToo()
        {
            Assert.Equal(new object?[] { "a", null }, (object?[])JsonTree.Parse(@"[""a"", null]")!);
            Assert.Equal(7L, JsonTree.Parse("7"));
            Assert.Equal("x", JsonTree.Parse(@"""x"""));
        }

        [Theory]
        [InlineData(@"{""a"": 1} trailing")]
        [InlineData(@"{""a"": 1}{""b"": 2}")]
        [InlineData(@"{""a"": }")]
        [InlineData(@"[1, 2")]
        [InlineData(@"{'a': 1}")]
        [InlineData(@"{""a"": 1, /* comment */ ""b"": 2}")]
        [InlineData("<html>Bad gateway</html>")]
        public void WhatIsNotOneJsonValueIsAFormatException(string text)
        {
            var ex = Assert.Throws<FormatException>(() => JsonTree.Parse(text));
            Assert.StartsWith("The appliance's answer is not JSON: ", ex.Message);
        }

        [Fact]
        public void NestingDeeperThanSixtyFourLevelsIsRefused()
        {
            Assert.NotNull(JsonTree.Parse(new string('[', 64) + new string(']', 64)));
            Assert.Throws<FormatException>(() => JsonTree.Parse(new string('[', 65) + new string(']', 65)));
        }
    }
}
