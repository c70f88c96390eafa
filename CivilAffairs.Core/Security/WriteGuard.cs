using CivilAffairs.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilAffairs.Core.Security;

/// <summary>A record that belongs to one service line; only users holding the line may change it.</summary>
public interface IServiceLineRecord
{
    static abstract ServiceLine Line { get; }
}

/// <summary>Reference data only administrators change (e.g. allowance standards).</summary>
public interface IAdministratorRecord;

/// <summary>
/// The write half of the scope rule: queries are filtered by scope, and every insert, update or
/// delete is checked here before it reaches the database, whatever page or service issued it.
/// </summary>
internal static class WriteGuard
{
    public static void Check(UserContext user, EntityEntry entry)
    {
        if (ReferenceEquals(user, UserContext.System))
        {
            return;
        }

        if (!user.IsAuthenticated)
        {
            throw new AccessDeniedException("请先登录后再修改数据。");
        }

        var line = ServiceLineOf(entry.Metadata.ClrType);
        var allowed = entry.Entity is Reporting.IReportingRecord
            ? entry.State == EntityState.Added ? user.IsInRole(Roles.Statistician) : entry.State == EntityState.Modified && user.IsInRole(Roles.Administrator)
            : entry.Entity is IAdministratorRecord
            ? user.IsInRole(Roles.Administrator)
            : line is { } l ? user.CanEdit(l) : user.CanEditRecords;
        if (!allowed)
        {
            throw new AccessDeniedException(user.Role == Roles.Leader
                ? "局领导账户为只读，不能修改数据。"
                : "您没有修改此类记录的权限。");
        }

        if (entry.Entity is not IDivisionScoped)
        {
            return;
        }

        var property = entry.Property(nameof(IDivisionScoped.DivisionCode));
        var current = property.CurrentValue as string;
        var original = entry.State == EntityState.Added ? current : property.OriginalValue as string;
        if (!user.Scope.Contains(current) || !user.Scope.Contains(original))
        {
            throw new AccessDeniedException($"该记录不在您的管辖范围（{user.Scope.Name}）内，不能修改。");
        }
    }

    private static ServiceLine? ServiceLineOf(Type type)
    {
        var iface = type.GetInterfaces().FirstOrDefault(i => i == typeof(IServiceLineRecord));
        if (iface is null)
        {
            return null;
        }

        // Fail closed: a record that declares a service line but hides it must not fall back to the register rule.
        return type.GetProperty(nameof(IServiceLineRecord.Line), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as ServiceLine?
            ?? throw new InvalidOperationException($"{type.Name} implements {nameof(IServiceLineRecord)} but has no public static {nameof(IServiceLineRecord.Line)}.");
    }
}
