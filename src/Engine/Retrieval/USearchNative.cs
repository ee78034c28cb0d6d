using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace AIaaS.Engine.Retrieval;

/// <summary>
/// What the C# binding (Cloud.Unum.USearch 2.26.6) leaves out: a loaded index's search expansion (its file does not
/// hold it, so a loaded index searches with the library's default until this sets it), and reserving capacity
/// before adding from several threads (the binding reserves inside each add, which must not overlap other adds).
/// The binding keeps the native handle in a private field; when a later version renames it this says so rather
/// than searching with another expansion than the one configured.
/// </summary>
internal static partial class USearchNative
{
    private const string Library = "libusearch_c";
    private static readonly FieldInfo? HandleField = typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <exception cref="NotSupportedException">The binding's handle could not be found.</exception>
    public static void SetExpansionSearch(USearchIndex index, int expansion)
    {
        ChangeExpansionSearch(HandleOf(index), (nuint)expansion, out var error);
        ThrowOn(error);
    }

    /// <summary>Room for <paramref name="capacity"/> vectors, and a search and add context per hardware thread.</summary>
    /// <exception cref="NotSupportedException">The binding's handle could not be found.</exception>
    public static void Reserve(USearchIndex index, int capacity)
    {
        NativeReserve(HandleOf(index), (nuint)capacity, out var error);
        ThrowOn(error);
    }

    /// <exception cref="NotSupportedException">The binding's handle could not be found.</exception>
    public static int ExpansionSearch(USearchIndex index)
    {
        var expansion = ReadExpansionSearch(HandleOf(index), out var error);
        ThrowOn(error);
        return (int)expansion;
    }

    private static IntPtr HandleOf(USearchIndex index) =>
        HandleField?.GetValue(index) is IntPtr handle && handle != IntPtr.Zero
            ? handle
            : throw new NotSupportedException("This version of Cloud.Unum.USearch keeps no native handle in '_index': the item index can neither reserve its capacity for a parallel build nor take its search expansion once loaded.");

    private static void ThrowOn(IntPtr error)
    {
        if (error != IntPtr.Zero) throw new USearchException($"USearch operation failed: {Marshal.PtrToStringAnsi(error)}");
    }

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_search")]
    private static partial void ChangeExpansionSearch(IntPtr index, nuint expansion, out IntPtr error);

    [LibraryImport(Library, EntryPoint = "usearch_reserve")]
    private static partial void NativeReserve(IntPtr index, nuint capacity, out IntPtr error);

    [LibraryImport(Library, EntryPoint = "usearch_expansion_search")]
    private static partial nuint ReadExpansionSearch(IntPtr index, out IntPtr error);
}
