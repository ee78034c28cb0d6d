using System.Reflection;

namespace AIaaS.Client.IntegrationTests.Fakes;

/// <summary>A stand-in for any interface that records each call and fails it, so a test can prove no call was made.</summary>
public class CallRecorder : DispatchProxy
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public static (T Proxy, CallRecorder Recorder) Create<T>()
        where T : class
    {
        var proxy = Create<T, CallRecorder>();
        return (proxy, (CallRecorder)(object)proxy);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Interlocked.Increment(ref _calls);
        throw new InvalidOperationException($"{targetMethod?.Name} was called; no call should have left the process.");
    }
}
