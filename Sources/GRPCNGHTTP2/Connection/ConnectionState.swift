import CNGHTTP2

/// Everything nghttp2's callbacks touch for one connection, in plain memory.
///
/// The connection's channel handler allocates it and passes its address to nghttp2 as the
/// session's `user_data`; callbacks record what arrived (headers, data, end of stream, closes)
/// in stream slots and a dirty list, and never call back into Swift objects. The handler then
/// acts on the dirty slots after each `nghttp2_session_mem_recv`/`mem_send`.
struct ConnectionState {
  var session: OpaquePointer?
  var slots: UnsafeMutablePointer<StreamSlot>
  var slotCapacity: Int
  var freeHead: Int32 = -1
  var dirty: UnsafeMutablePointer<Int32>
  var dirtyCount: Int = 0
  var dirtyCapacity: Int
  let methods: MethodTable.View
  let maxReceiveMessageSize: Int
  let lowWaterMark: Int
  /// Streams with a slot (opened and not yet recycled).
  var openStreams: Int = 0
  /// Set when some request carried a deadline; cleared when a scan finds none pending.
  var deadlinesPending: Bool = false

  init(methods: MethodTable.View, maxReceiveMessageSize: Int, lowWaterMark: Int) {
    self.methods = methods
    self.maxReceiveMessageSize = maxReceiveMessageSize
    self.lowWaterMark = lowWaterMark
    self.slotCapacity = 0
    self.slots = .allocate(capacity: 0)
    self.dirtyCapacity = 16
    self.dirty = .allocate(capacity: 16)
  }

  /// Takes a free slot (growing the array when none is free) and returns its index.
  mutating func acquireSlot(streamID: Int32) -> Int32 {
    if self.freeHead < 0 { self.grow() }
    let index = self.freeHead
    self.freeHead = self.slots[Int(index)].nextFree
    self.slots[Int(index)].begin(streamID: streamID)
    self.openStreams += 1
    return index
  }

  /// Returns a slot to the free list, keeping its buffers for the next stream.
  mutating func releaseSlot(_ index: Int32) {
    let slot = self.slots + Int(index)
    slot.pointee.phase = .free
    slot.pointee.streamID = 0
    slot.pointee.generation &+= 1
    slot.pointee.request.reset()
    slot.pointee.requestOffset = 0
    slot.pointee.response.reset()
    slot.pointee.finalMessage.reset()
    slot.pointee.nextFree = self.freeHead
    self.freeHead = index
    self.openStreams -= 1
  }

  private mutating func grow() {
    let newCapacity = max(self.slotCapacity * 2, 8)
    let grown = UnsafeMutablePointer<StreamSlot>.allocate(capacity: newCapacity)
    grown.moveInitialize(from: self.slots, count: self.slotCapacity)
    self.slots.deallocate()
    self.slots = grown
    for index in (self.slotCapacity ..< newCapacity).reversed() {
      (grown + index).initialize(to: StreamSlot())
      grown[index].nextFree = self.freeHead
      self.freeHead = Int32(index)
    }
    self.slotCapacity = newCapacity
  }

  /// Queues slot `index` for the handler's attention (once until processed).
  mutating func markDirty(_ index: Int32) {
    let slot = self.slots + Int(index)
    if slot.pointee.flags.contains(.inDirtyList) { return }
    slot.pointee.flags.insert(.inDirtyList)
    if self.dirtyCount == self.dirtyCapacity {
      let grown = UnsafeMutablePointer<Int32>.allocate(capacity: self.dirtyCapacity * 2)
      grown.moveInitialize(from: self.dirty, count: self.dirtyCount)
      self.dirty.deallocate()
      self.dirty = grown
      self.dirtyCapacity *= 2
    }
    self.dirty[self.dirtyCount] = index
    self.dirtyCount += 1
  }

  /// The slot index stored as `stream_id`'s user data, or nil.
  func slotIndex(of streamID: Int32) -> Int32? {
    guard let session = self.session,
      let data = nghttp2_session_get_stream_user_data(session, streamID)
    else { return nil }
    return Int32(truncatingIfNeeded: Int(bitPattern: data) - 1)
  }

  /// Frees everything (the session is deleted separately).
  mutating func deallocate() {
    for index in 0 ..< self.slotCapacity { self.slots[index].deallocate() }
    self.slots.deinitialize(count: self.slotCapacity)
    self.slots.deallocate()
    self.dirty.deallocate()
    self.slots = .allocate(capacity: 0)
    self.dirty = .allocate(capacity: 1)
    self.slotCapacity = 0
    self.dirtyCapacity = 1
    self.dirtyCount = 0
    self.freeHead = -1
  }
}
