using System.Runtime.InteropServices;
using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// Steps a statement and reads its columns by calling SQLite (the same e_sqlite3 library SQLitePCLRaw loads) with the
/// statement's pointer. Through SQLitePCLRaw each call takes and releases a reference on the statement's SafeHandle,
/// two interlocked operations per column: on the training's read of 10M rows that was a quarter of the CPU. The
/// reader holds one reference for its whole life instead; it is for one statement's hot loop, on one thread.
/// </summary>
internal sealed partial class SqliteRowReader : IDisposable
{
    private const string Library = "e_sqlite3";
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;
    private bool _referenced;

    public SqliteRowReader(sqlite3_stmt statement)
    {
        _statement = statement;
        statement.DangerousAddRef(ref _referenced);
        _handle = statement.DangerousGetHandle();
    }

    /// <summary>SQLITE_ROW, SQLITE_DONE or an error code.</summary>
    public int Step() => NativeMethods.sqlite3_step(_handle);

    public long Int64(int column) => NativeMethods.sqlite3_column_int64(_handle, column);

    public int Int32(int column) => NativeMethods.sqlite3_column_int(_handle, column);

    /// <summary>The column's value as a float, or null when it is NULL.</summary>
    public float? NullableSingle(int column) =>
        NativeMethods.sqlite3_column_type(_handle, column) == raw.SQLITE_NULL ? null : (float)NativeMethods.sqlite3_column_double(_handle, column);

    public void Dispose()
    {
        if (_referenced)
        {
            _referenced = false;
            _statement.DangerousRelease();
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        internal static partial int sqlite3_step(IntPtr statement);

        [LibraryImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        internal static partial long sqlite3_column_int64(IntPtr statement, int column);

        [LibraryImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        internal static partial int sqlite3_column_int(IntPtr statement, int column);

        [LibraryImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        internal static partial double sqlite3_column_double(IntPtr statement, int column);

        [LibraryImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        internal static partial int sqlite3_column_type(IntPtr statement, int column);
    }
}
