using CivilAffairs.Core.SocialOrganizations;
using Microsoft.AspNetCore.Components;

namespace CivilAffairs.Portal.Components.Pages.SocialOrganizations;

/// <summary>What the 社会组织 and 慈善 pages share: their policies and export links that carry the list's filter and sort.</summary>
internal static class OrgPages
{
    /// <summary>Reads 社会组织 pages.</summary>
    public const string Policy = "Line:" + nameof(CivilAffairs.Core.Security.ServiceLine.SocialOrganizations);

    /// <summary>Reads 慈善 pages.</summary>
    public const string CharityPolicy = "Line:" + nameof(CivilAffairs.Core.Security.ServiceLine.Charity);

    public static string ExportUrl(NavigationManager navigation, string path, LineFilter filter, Shared.GridSort sort) =>
        navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(path).ToString(), new Dictionary<string, object?>
        {
            ["text"] = filter.Text, ["division"] = filter.DivisionCode, ["from"] = filter.From?.ToString("yyyy-MM-dd"), ["to"] = filter.To?.ToString("yyyy-MM-dd"),
            ["kind"] = filter.Kind, ["sort"] = sort.SortBy, ["desc"] = sort.Descending,
        });
}
