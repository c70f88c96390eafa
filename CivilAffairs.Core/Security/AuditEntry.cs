using System.Text.Json;

namespace CivilAffairs.Core.Security;

/// <summary>
/// One row of the audit trail. Written in the same transaction as the change it describes;
/// never updated or deleted by the application.
/// </summary>
public sealed class AuditEntry
{
    public const int EntityTypeMaxLength = 100;
    public const int KeyMaxLength = 200;

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; init; }

    public string UserName { get; init; } = string.Empty;

    public AuditAction Action { get; init; }

    /// <summary>The record's type name (e.g. Person), or "Account" for sign-in events.</summary>
    public string EntityType { get; init; } = string.Empty;

    public string? EntityKey { get; init; }

    /// <summary>JSON array of <see cref="AuditChange"/>; null for events without field changes.</summary>
    public string? ChangesJson { get; init; }

    /// <summary>Free text for events (the reason of a failed sign-in, the client address).</summary>
    public string? Detail { get; init; }

    public IReadOnlyList<AuditChange> Changes =>
        string.IsNullOrEmpty(ChangesJson) ? [] : JsonSerializer.Deserialize<List<AuditChange>>(ChangesJson) ?? [];
}

public sealed record AuditChange(string Field, string? Old, string? New);

public enum AuditAction
{
    Insert = 1,
    Update = 2,
    Delete = 3,
    SignIn = 10,
    SignInFailed = 11,
    LockedOut = 12,
    SignOut = 13,
    Export = 20,
}

public static class AuditActionNames
{
    public static string ChineseName(this AuditAction action) => action switch
    {
        AuditAction.Insert => "新增",
        AuditAction.Update => "修改",
        AuditAction.Delete => "删除",
        AuditAction.SignIn => "登录成功",
        AuditAction.SignInFailed => "登录失败",
        AuditAction.LockedOut => "账户锁定",
        AuditAction.SignOut => "退出登录",
        AuditAction.Export => "导出",
        _ => action.ToString(),
    };
}
