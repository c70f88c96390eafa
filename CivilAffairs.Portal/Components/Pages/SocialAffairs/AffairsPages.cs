using CivilAffairs.Core.SocialAssistance;
using Microsoft.AspNetCore.Components;

namespace CivilAffairs.Portal.Components.Pages.SocialAffairs;

/// <summary>What the 社会事务 pages share: their read policy and export links carrying the list's filter and sort.</summary>
internal static class AffairsPages
{
    /// <summary>Reads 社会事务 pages (a constant for <c>[Authorize(Policy = …)]</c>).</summary>
    public const string Policy = "Line:" + nameof(CivilAffairs.Core.Security.ServiceLine.SocialAffairs);

    public static string ExportUrl(NavigationManager navigation, string path, SupportFilter filter, Shared.GridSort sort) =>
        SocialAssistance.SupportPages.ExportUrl(navigation, path, filter, sort);
}
