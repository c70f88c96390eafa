using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>The demo sign-ins created on the embedded default (and listed on its sign-in page).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo#2026";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", "系统管理员", Roles.Administrator, DivisionCatalog.PrefectureCode, ServiceLines.All),
        new("leader", "局领导", Roles.Leader, DivisionCatalog.PrefectureCode, []),
        new("stat", "统计人员", Roles.Statistician, DivisionCatalog.PrefectureCode, []),
        new("elderly", "养老服务科", Roles.Staff, DivisionCatalog.PrefectureCode, [ServiceLine.ElderlyCare]),
        new("jinghe", "精河县民政局", Roles.Staff, "652722", ServiceLines.All),
    ];
}

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string DivisionCode, IReadOnlyList<ServiceLine> Lines)
{
    public string Description => $"{Roles.ChineseName(Role)} · {DivisionCatalog.NameOf(DivisionCode)}"
        + (Lines.Count is > 0 and < 6 ? " · " + string.Join("、", Lines.Select(l => l.ChineseName())) : string.Empty);
}
