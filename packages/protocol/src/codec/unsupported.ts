/** Thrown inside the codec for input it does not handle exactly like protobuf-es; the caller then uses protobuf-es. */
export class Unsupported extends Error {
  override readonly name = "Unsupported";
}
