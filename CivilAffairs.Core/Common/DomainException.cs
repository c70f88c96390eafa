namespace CivilAffairs.Core.Common;

/// <summary>
/// A rule of the domain was broken. The message is written for the user (Chinese) and is shown
/// as is in forms and snackbars.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Someone else saved the record after it was loaded; the user must reload it.</summary>
public sealed class ConcurrencyConflictException(Exception inner)
    : DomainException("保存失败：该记录已被其他人修改或删除。请刷新后重新编辑。", inner);

/// <summary>The current user may not see or change the record (outside the division scope or read-only role).</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);
