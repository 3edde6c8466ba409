using System;

namespace ExtraHop.Json
{
    /// <summary>The JSON field a model property comes from, where snake_case of the property name is not it.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class ApiNameAttribute : Attribute
    {
        public ApiNameAttribute(string name) => Name = name;

        public string Name { get; }
    }

    /// <summary>A model property the module fills in itself (session, derived values); never read from JSON.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class NotFromApiAttribute : Attribute
    {
    }
}
