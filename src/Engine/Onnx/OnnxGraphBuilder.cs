using System.Runtime.InteropServices;
using AIaaS.Engine.Onnx.Proto;
using Google.Protobuf;

namespace AIaaS.Engine.Onnx;

/// <summary>Builds a small ONNX graph (default domain) and writes it as a ModelProto.</summary>
internal sealed class OnnxGraphBuilder(string name)
{
    /// <summary>IR version 8 (ONNX 1.10+); opset 17 covers MatMul, Gemm and TopK with a tensor k.</summary>
    private const long IrVersion = 8;
    private const long Opset = 17;

    private readonly GraphProto _graph = new() { Name = name };

    public OnnxGraphBuilder Input(string tensor, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(tensor, type, dims));
        return this;
    }

    public OnnxGraphBuilder Output(string tensor, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Output.Add(ValueInfo(tensor, type, dims));
        return this;
    }

    public OnnxGraphBuilder FloatInitializer(string tensor, ReadOnlySpan<float> values, params long[] dims)
    {
        _graph.Initializer.Add(new TensorProto
        {
            Name = tensor,
            DataType = (int)TensorProto.Types.DataType.Float,
            Dims = { dims },
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values)),
        });
        return this;
    }

    public OnnxGraphBuilder Int64Initializer(string tensor, long value)
    {
        _graph.Initializer.Add(new TensorProto
        {
            Name = tensor,
            DataType = (int)TensorProto.Types.DataType.Int64,
            Dims = { 1L },
            Int64Data = { value },
        });
        return this;
    }

    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        _graph.Node.Add(new NodeProto
        {
            Name = $"{opType}_{_graph.Node.Count}",
            OpType = opType,
            Input = { inputs },
            Output = { outputs },
            Attribute = { attributes },
        });
        return this;
    }

    public static AttributeProto IntAttribute(string attribute, long value) =>
        new() { Name = attribute, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public void WriteTo(Stream output, long modelVersion)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "AIaaS",
            ModelVersion = modelVersion,
            Graph = _graph,
            OpsetImport = { new OperatorSetIdProto { Domain = string.Empty, Version = Opset } },
        };
        model.WriteTo(output);
    }

    /// <summary>A dimension is a fixed size (int or long) or a symbolic name (string) for a dynamic one.</summary>
    private static ValueInfoProto ValueInfo(string tensor, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = tensor,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
