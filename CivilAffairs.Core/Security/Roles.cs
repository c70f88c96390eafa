namespace CivilAffairs.Core.Security;

/// <summary>The four roles of the portal. Names are stable identifiers; the UI shows <see cref="ChineseName"/>.</summary>
public static class Roles
{
    /// <summary>系统管理员: manages users and reads the audit log; may edit every record.</summary>
    public const string Administrator = "Administrator";

    /// <summary>局领导: reads everything, edits nothing.</summary>
    public const string Leader = "Leader";

    /// <summary>统计人员: validates, exports and submits the monthly statistical report.</summary>
    public const string Statistician = "Statistician";

    /// <summary>业务人员: enters records for the granted service lines inside the division scope.</summary>
    public const string Staff = "Staff";

    public static IReadOnlyList<string> All { get; } = [Administrator, Leader, Statistician, Staff];

    public static string ChineseName(string? role) => role switch
    {
        Administrator => "系统管理员",
        Leader => "局领导",
        Statistician => "统计人员",
        Staff => "业务人员",
        _ => "未分配角色",
    };

    public static string EnglishName(string? role) => role switch
    {
        Administrator => "Administrator",
        Leader => "Leader",
        Statistician => "Statistician",
        Staff => "Staff",
        _ => "No role",
    };
}
