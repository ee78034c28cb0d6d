namespace AIaaS.Engine.Data;

/// <summary>
/// A sparse matrix in compressed sparse row form: row r holds columns
/// <c>ColumnIndices[RowPointers[r]..RowPointers[r + 1]]</c> with their values.
/// </summary>
public sealed class RatingMatrix
{
    /// <summary>Wraps CSR arrays; <paramref name="rowPointers"/> has <paramref name="rows"/> + 1 entries.</summary>
    public RatingMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPointers.Length != rows + 1) ThrowHelper.LengthMismatch(nameof(rowPointers), rows + 1, rowPointers.Length);
        if (values.Length != columnIndices.Length) ThrowHelper.LengthMismatch(nameof(values), columnIndices.Length, values.Length);
        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Start of each row in <see cref="ColumnIndices"/>, plus the end.</summary>
    public int[] RowPointers { get; }

    /// <summary>Column index of each stored entry.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>Value of each stored entry.</summary>
    public float[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => ColumnIndices.Length;

    /// <summary>The column indices of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowIndices(int row) => ColumnIndices.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    /// <summary>The values of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    /// <summary>Builds a matrix from coordinates with a counting sort by row (stable: file order within a row).</summary>
    public static RatingMatrix FromCoordinates(int rows, int columns, ReadOnlySpan<int> rowIndex, ReadOnlySpan<int> columnIndex, ReadOnlySpan<float> values)
    {
        if (columnIndex.Length != rowIndex.Length) ThrowHelper.LengthMismatch(nameof(columnIndex), rowIndex.Length, columnIndex.Length);
        if (values.Length != rowIndex.Length) ThrowHelper.LengthMismatch(nameof(values), rowIndex.Length, values.Length);
        var pointers = new int[rows + 1];
        foreach (var r in rowIndex) pointers[r + 1]++;
        for (int r = 0; r < rows; r++) pointers[r + 1] += pointers[r];
        var next = pointers.AsSpan(0, rows).ToArray();
        var outColumns = new int[rowIndex.Length];
        var outValues = new float[rowIndex.Length];
        for (int i = 0; i < rowIndex.Length; i++)
        {
            int at = next[rowIndex[i]]++;
            outColumns[at] = columnIndex[i];
            outValues[at] = values[i];
        }
        return new RatingMatrix(rows, columns, pointers, outColumns, outValues);
    }

    /// <summary>The transposed matrix (item × user from user × item); columns come out sorted within each row.</summary>
    public RatingMatrix Transpose()
    {
        var pointers = new int[Columns + 1];
        foreach (var c in ColumnIndices) pointers[c + 1]++;
        for (int c = 0; c < Columns; c++) pointers[c + 1] += pointers[c];
        var next = pointers.AsSpan(0, Columns).ToArray();
        var outColumns = new int[NonZeros];
        var outValues = new float[NonZeros];
        for (int r = 0; r < Rows; r++)
        {
            for (int at = RowPointers[r]; at < RowPointers[r + 1]; at++)
            {
                int dest = next[ColumnIndices[at]]++;
                outColumns[dest] = r;
                outValues[dest] = Values[at];
            }
        }
        return new RatingMatrix(Columns, Rows, pointers, outColumns, outValues);
    }
}
