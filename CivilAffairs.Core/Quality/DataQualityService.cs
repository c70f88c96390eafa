using System.Runtime.CompilerServices;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Core.Quality;

/// <summary>
/// 数据质量: runs the cross-programme checks for a month inside the user's division scope (a division
/// below it may be chosen) and only those of the service lines the user reads. ID numbers are masked
/// for the roles that do not handle cases, as in every list.
/// </summary>
public sealed class DataQualityService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, IEnumerable<IQualityCheckQuery> checks)
{
    /// <summary>The checks the user may see, in catalogue order.</summary>
    public IReadOnlyList<QualityCheckInfo> VisibleChecks() => [.. QualityChecks.All.Where(i => i.VisibleTo(currentUser.User))];

    public async Task<IReadOnlyList<QualityCount>> CountAsync(Period period, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var context = Context(db, period, divisionCode);
        var counts = new List<QualityCount>();
        foreach (var info in VisibleChecks())
        {
            counts.Add(new QualityCount(info, await Query(info.Check).CountAsync(context, cancellationToken)));
        }

        return counts;
    }

    public async Task<PagedResult<QualityFinding>> FindAsync(QualityCheck check, Period period, string? divisionCode, PageRequest page, CancellationToken cancellationToken = default)
    {
        RequireVisible(check);
        await using var db = factory.CreateDbContext();
        var context = Context(db, period, divisionCode);
        var query = Query(check);
        var total = await query.CountAsync(context, cancellationToken);
        var items = await query.ListAsync(context, page.Skip, page.Size, cancellationToken);
        return new PagedResult<QualityFinding>([.. items.Select(Mask)], total);
    }

    /// <summary>Every finding of every visible check (the Excel export), check by check.</summary>
    public async IAsyncEnumerable<QualityFinding> ExportAsync(Period period, string? divisionCode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int Batch = 1000;
        await using var db = factory.CreateDbContext();
        var context = Context(db, period, divisionCode);
        foreach (var info in VisibleChecks())
        {
            var query = Query(info.Check);
            for (var skip = 0; ; skip += Batch)
            {
                var rows = await query.ListAsync(context, skip, Batch, cancellationToken);
                foreach (var row in rows)
                {
                    yield return Mask(row);
                }

                if (rows.Count < Batch || query is ListCheck)
                {
                    break;
                }
            }
        }
    }

    private QualityContext Context(CivilAffairsDbContext db, Period period, string? divisionCode)
    {
        var user = currentUser.User;
        var code = string.IsNullOrWhiteSpace(divisionCode) ? user.Scope.DivisionCode : divisionCode;
        if (DivisionCatalog.Find(code) is null)
        {
            throw new DomainException("行政区划不存在。");
        }

        if (!user.Scope.Contains(code))
        {
            throw new AccessDeniedException($"所选行政区划不在您的管辖范围（{user.Scope.Name}）内。");
        }

        return new QualityContext(db, period, code, DivisionScope.For(code).Prefix, user);
    }

    private IQualityCheckQuery Query(QualityCheck check) => checks.Single(c => c.Check == check);

    private void RequireVisible(QualityCheck check)
    {
        if (!QualityChecks.Info(check).VisibleTo(currentUser.User))
        {
            throw new AccessDeniedException("您无权查看该项核查。");
        }
    }

    private QualityFinding Mask(QualityFinding finding) =>
        currentUser.User.CanSeeFullIdNumbers || finding.IdNumber is null ? finding : finding with { IdNumber = ResidentId.Mask(finding.IdNumber) };
}

public static class DataQualityRegistration
{
    /// <summary>The checks, the service and the <c>DataQuality</c> options.</summary>
    public static void AddDataQuality(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataQualityOptions>(configuration.GetSection(DataQualityOptions.SectionName));
        services.AddScoped<IQualityCheckQuery, PaymentsAfterDeathCheck>();
        services.AddScoped<IQualityCheckQuery, PaidNotInPaymentCheck>();
        services.AddScoped<IQualityCheckQuery, DibaoAndCentralisedCheck>();
        services.AddScoped<IQualityCheckQuery, HighAgeAllowanceUnder80Check>();
        services.AddScoped<IQualityCheckQuery, RelativeCaseWithoutFilingCheck>();
        services.AddScoped<IQualityCheckQuery, FilingWithoutCaseCheck>();
        services.AddScoped<IQualityCheckQuery, ZeroReportMissingCheck>();
        services.AddScoped<IQualityCheckQuery, EligibleBelowRecipientsCheck>();
        services.AddScoped<IQualityCheckQuery, StockJumpCheck>();
        services.AddScoped<DataQualityService>();
    }
}
