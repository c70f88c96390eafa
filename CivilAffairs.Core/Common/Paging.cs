namespace CivilAffairs.Core.Common;

/// <summary>A page of a list, as asked by a grid: zero-based page, size, and an optional sort column.</summary>
public sealed record PageRequest(int Page, int PageSize, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, Page) * Size;

    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>A record offered by a search-as-you-type picker.</summary>
public sealed record LookupOption(int Id, string Label);
