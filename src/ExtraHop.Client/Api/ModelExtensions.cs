using System.Collections.Generic;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    internal static class ModelExtensions
    {
        /// <summary>Marks where an object came from, so cmdlets it is piped into reach the same appliance.</summary>
        public static T From<T>(this T model, ExtraHopSession session) where T : ExtraHopObject
        {
            model.Session = session;
            return model;
        }

        public static List<T> From<T>(this List<T> models, ExtraHopSession session) where T : ExtraHopObject
        {
            foreach (T model in models) model.Session = session;
            return models;
        }
    }
}
