using System;
using System.Management.Automation;
using System.Security;

namespace ExtraHop.Sessions
{
    /// <summary>
    /// Accepts a plain string where a SecureString is expected, because ExtraHop's own scripts keep API keys in CSV
    /// files and Import-Csv yields strings. The text is copied into a SecureString straight away.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text)
            {
                if (text.Length == 0) throw new ArgumentTransformationMetadataException("The secret is an empty string.");
                var secure = new SecureString();
                foreach (char c in text) secure.AppendChar(c);
                secure.MakeReadOnly();
                return secure;
            }
            return value;
        }
    }
}
