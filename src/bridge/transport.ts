// The transport-adapter interface. The content script and the panel talk through these,
// never to MessagePort or runtime.Port directly, so tests can swap in in-memory fakes.

export interface Transport<In, Out> {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

/** Something that opens a fresh transport, e.g. runtime.connect after a worker restart. */
export type Connector<In, Out> = () => Transport<In, Out>;
