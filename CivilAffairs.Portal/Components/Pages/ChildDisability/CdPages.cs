using CivilAffairs.Core.SocialAssistance;
using Microsoft.AspNetCore.Components;

namespace CivilAffairs.Portal.Components.Pages.ChildDisability;

/// <summary>What the 儿童福利与残疾人福利 pages share: their policy and export links carrying the list's filter and sort.</summary>
internal static class CdPages
{
    /// <summary>Reads 儿童福利与残疾人福利 pages (the policy is registered for every line).</summary>
    public const string Policy = "Line:" + nameof(CivilAffairs.Core.Security.ServiceLine.ChildAndDisabilityWelfare);

    public static string ExportUrl(NavigationManager navigation, string path, SupportFilter filter, Shared.GridSort sort) =>
        SocialAssistance.SupportPages.ExportUrl(navigation, path, filter, sort);

    /// <summary>The list filter from the address (?kind=… from dashboard links).</summary>
    public static SupportFilter FromQuery(NavigationManager navigation)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(navigation.ToAbsoluteUri(navigation.Uri).Query);
        return new SupportFilter(Kind: query.TryGetValue("kind", out var kind) ? kind.ToString() : null);
    }
}
