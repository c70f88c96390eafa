using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Quality;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Security;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Portal.Endpoints;

/// <summary>The 数据质量 findings of a month as Excel: the page's policy, scope, visible checks and ID masking; audited.</summary>
internal static class QualityExports
{
    public static void MapQualityExports(this RouteGroupBuilder export) =>
        export.MapGet("/quality.xlsx", async (HttpContext context, DataQualityService quality, SignInAudit audit, ICurrentUser currentUser, TimeProvider clock, int? period, string? division) =>
        {
            var user = currentUser.User;
            if (!string.IsNullOrWhiteSpace(division) && (DivisionCatalog.Find(division) is null || !user.Scope.Contains(division)))
            {
                return Results.Problem($"所选行政区划不在您的管辖范围（{user.Scope.Name}）内。", statusCode: StatusCodes.Status403Forbidden);
            }

            var month = period is { } key && key % 100 is >= 1 and <= 12 && key / 100 >= 1900 ? Period.FromKey(key) : Period.Of(clock.Today()).Previous;
            var count = await ExportEndpoints.WriteAsync(context, $"数据质量{month.Key}", $"数据质量核查（{month.ChineseName}）", Columns,
                quality.ExportAsync(month, division, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(QualityFinding), null, $"{count} 行；{month} {division}", CancellationToken.None);
            return Results.Empty;
        }).RequireAuthorization(Policies.Dashboard);

    private static readonly ExportColumn<QualityFinding>[] Columns =
    [
        new("核查项", 24, r => r.CheckName), new("对象", 24, r => r.Subject), new("公民身份号码", 22, r => r.IdNumber),
        new("行政区划", 16, r => r.DivisionName), new("情况说明", 70, r => r.Detail), new("记录地址", 30, r => r.Href),
    ];
}
