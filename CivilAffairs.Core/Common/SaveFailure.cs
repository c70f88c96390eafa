using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Common;

/// <summary>
/// What went wrong with a write, said to the user in Chinese, whatever threw it: a domain rule or a
/// month lock (its own message), a stale edit, or a constraint the database enforced that no rule
/// caught first. <see cref="Expected"/> is false for faults nobody foresaw, which must also be logged.
/// </summary>
public sealed record SaveFailure(string Message, bool Expected)
{
    public const string UniqueMessage = "保存失败：与已有记录重复（如身份证号、统一社会信用代码或同一月份的记录已存在）。请检查后重试，您填写的内容仍保留。";
    public const string ReferenceMessage = "保存失败：所引用的记录已不存在或仍被其他记录引用。请刷新后重试，您填写的内容仍保留。";
    public const string ConstraintMessage = "保存失败：数据不符合数据库的约束（如必填项为空或数值超出范围）。请检查后重试，您填写的内容仍保留。";
    public const string BusyMessage = "保存失败：数据库正忙，请稍后再试，您填写的内容仍保留。";
    public const string UnexpectedMessage = "保存失败：系统发生意外错误，已记录日志。您填写的内容仍保留，请稍后重试或联系系统管理员。";

    public static SaveFailure From(Exception exception) => exception switch
    {
        DomainException domain => new(domain.Message, true),
        DbUpdateConcurrencyException concurrency => new(new ConcurrencyConflictException(concurrency).Message, true),
        DbUpdateException update => FromDatabase(update.InnerException),
        SqliteException sqlite => FromDatabase(sqlite),
        _ => new(UnexpectedMessage, false),
    };

    private static SaveFailure FromDatabase(Exception? inner) => inner switch
    {
        // SQLite extended result codes: UNIQUE 2067, PRIMARYKEY 1555, FOREIGNKEY 787, CHECK 275, NOTNULL 1299; BUSY 5, LOCKED 6.
        SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => new(UniqueMessage, true),
        SqliteException { SqliteExtendedErrorCode: 787 } => new(ReferenceMessage, true),
        SqliteException { SqliteErrorCode: 19 } => new(ConstraintMessage, true),
        SqliteException { SqliteErrorCode: 5 or 6 } => new(BusyMessage, true),
        // SQL Server: 2601/2627 duplicate key, 547 foreign key or check, 515 NULL, 1205 deadlock victim.
        Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 } => new(UniqueMessage, true),
        Microsoft.Data.SqlClient.SqlException { Number: 547 } => new(ReferenceMessage, true),
        Microsoft.Data.SqlClient.SqlException { Number: 515 } => new(ConstraintMessage, true),
        Microsoft.Data.SqlClient.SqlException { Number: 1205 } => new(BusyMessage, true),
        _ => new(UnexpectedMessage, false),
    };
}
