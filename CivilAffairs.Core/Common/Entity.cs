namespace CivilAffairs.Core.Common;

/// <summary>
/// Base of every editable domain record: an integer key and an optimistic-concurrency token
/// that changes on every save, so a stale edit fails instead of overwriting a newer one.
/// </summary>
public abstract class Entity
{
    public int Id { get; protected set; }

    /// <summary>Replaced on every insert and update by the data layer; compared on save.</summary>
    public Guid Version { get; internal set; }
}

/// <summary>A record that belongs to an administrative division and is visible only inside its scope.</summary>
public interface IDivisionScoped
{
    string DivisionCode { get; }
}
