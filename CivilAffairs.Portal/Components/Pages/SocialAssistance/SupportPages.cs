using CivilAffairs.Core.SocialAssistance;
using Microsoft.AspNetCore.Components;

namespace CivilAffairs.Portal.Components.Pages.SocialAssistance;

/// <summary>What the support-programme pages share: their policy and export links that carry the list's filter and sort.</summary>
internal static class SupportPages
{
    /// <summary>Reads 社会救助 pages (a constant for <c>[Authorize(Policy = …)]</c>; the policy is registered for every line).</summary>
    public const string Policy = "Line:" + nameof(CivilAffairs.Core.Security.ServiceLine.SocialAssistance);

    public static string ExportUrl(NavigationManager navigation, string path, SupportFilter filter, Shared.GridSort sort, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var query = new Dictionary<string, object?>
        {
            ["text"] = filter.Text, ["division"] = filter.DivisionCode, ["from"] = filter.From?.ToString("yyyy-MM-dd"), ["to"] = filter.To?.ToString("yyyy-MM-dd"),
            ["kind"] = filter.Kind, ["sort"] = sort.SortBy, ["desc"] = sort.Descending,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            query[key] = value;
        }

        return navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(path).ToString(), query);
    }
}
