using System.Collections;

namespace Pyxis.Client.Runtime;

/// <summary>A set-valued option that, like every other option, refuses changes once a client uses its options.</summary>
internal sealed class OptionSet(PyxisClientOptions owner, string option) : ISet<string>
{
    private readonly HashSet<string> items = new(StringComparer.Ordinal);

    public int Count => items.Count;

    public bool IsReadOnly => false;

    public bool Add(string item) => Changing().Add(item);

    void ICollection<string>.Add(string item) => Changing().Add(item);

    public void Clear() => Changing().Clear();

    public bool Remove(string item) => Changing().Remove(item);

    public void ExceptWith(IEnumerable<string> other) => Changing().ExceptWith(other);

    public void IntersectWith(IEnumerable<string> other) => Changing().IntersectWith(other);

    public void SymmetricExceptWith(IEnumerable<string> other) => Changing().SymmetricExceptWith(other);

    public void UnionWith(IEnumerable<string> other) => Changing().UnionWith(other);

    public bool Contains(string item) => items.Contains(item);

    public void CopyTo(string[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

    public bool IsProperSubsetOf(IEnumerable<string> other) => items.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => items.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => items.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => items.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => items.Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => items.SetEquals(other);

    public IEnumerator<string> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private HashSet<string> Changing()
    {
        owner.ThrowIfFrozen(option);
        return items;
    }
}
