using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Reporting;
using CivilAffairs.Portal.Security;

namespace CivilAffairs.Portal.Endpoints;

/// <summary>
/// Report downloads: <c>/reports/{monthly|kpi|funding}.{pdf|xlsx}?period=2026-10&amp;division=652700[&amp;version=2]</c>.
/// Authorised by role; a division outside the user's scope gets 403, never the file. Every download is audited.
/// </summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{kind}.{extension}", async (HttpContext context, ReportWorkflow workflow, SignInAudit audit, ICurrentUser currentUser,
            string kind, string extension, string? period, string? division, string? version) =>
        {
            if (!Enum.TryParse<ReportKind>(kind, ignoreCase: true, out var reportKind) || extension is not ("pdf" or "xlsx"))
            {
                return Results.NotFound();
            }

            if (!Period.TryParse(period, out var month) || DivisionCatalog.Find(division) is not { } target)
            {
                return Results.Problem("请指定报告期（如 2026-10）和行政区划代码。", statusCode: StatusCodes.Status400BadRequest);
            }

            int? number = null;
            if (!string.IsNullOrEmpty(version))
            {
                if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var requested) || requested < 1)
                {
                    return Results.Problem("版本号应为正整数。", statusCode: StatusCodes.Status400BadRequest);
                }

                number = requested;
            }

            var user = currentUser.User;
            if (!user.Scope.Contains(target.Code))
            {
                return Results.Problem($"{target.Name}不在您的管辖范围（{user.Scope.Name}）内。", statusCode: StatusCodes.Status403Forbidden);
            }

            var format = extension == "pdf" ? ReportFormat.Pdf : ReportFormat.Excel;
            ReportFile file;
            try
            {
                file = await workflow.FileAsync(reportKind, month, target.Code, format, number, context.RequestAborted);
            }
            catch (DomainException ex)
            {
                return Results.Problem(ex.Message, statusCode: ex switch
                {
                    AccessDeniedException => StatusCodes.Status403Forbidden,
                    { InnerException: CivilAffairs.Reports.Pdf.ChineseFontNotFoundException } => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status404NotFound,
                });
            }

            await audit.RecordAsync(AuditAction.Export, user.UserName, $"Report:{reportKind}", $"{target.Code}/{month}",
                $"{file.FileName}{(file.SubmissionNumber is { } n ? $"（报送第{n}版）" : string.Empty)}", CancellationToken.None);

            // File names are Chinese: ASP.NET writes both filename and filename* (RFC 6266 / RFC 5987).
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(Policies.Reports);

        return endpoints;
    }
}
