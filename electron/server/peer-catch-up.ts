import type { Redis } from '@hocuspocus/extension-redis'
import { MessageType, OutgoingMessage, type Extension, type afterLoadDocumentPayload } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** y-protocols' sync message kinds, after Hocuspocus's message type. */
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/**
 * A node that loads a document another node holds in memory, edits not yet stored, would hand
 * its clients what the disk has: an empty or old deal. Hocuspocus's Redis extension asks the
 * other nodes for their state when the document loads, but does not wait for the answer (and
 * drops any that comes before the document is registered), so a colleague connecting there
 * saw an empty deal, and the first edit she made was refused as one of a deal that was never
 * seeded (docs/collaboration.md, "Several nodes"). So the document is served only once every
 * other node that has it open (Redis counts their subscriptions) has answered with its state,
 * or `timeoutMs` passed.
 */
export function peerCatchUp(redis: Redis, log: (line: string) => void, timeoutMs = 2_000): Extension {
  return {
    extensionName: 'deal-war-room-peer-catch-up',
    // After the Redis extension's own afterLoadDocument (priority 1000): it has subscribed.
    priority: 900,
    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
      const channel = `${redis.configuration.prefix}:${documentName}`
      const self = redis.configuration.identifier
      const answered = new Set<string>()
      let peers = Infinity
      let caughtUp: () => void = () => undefined
      const done = new Promise<void>((resolve) => (caughtUp = resolve))
      const askPeers = () => redis.pub.publish(channel, framed(self, new OutgoingMessage(documentName).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array()))
      const onMessage = (from: Buffer, data: Buffer) => {
        if (from.toString() !== channel) return
        const message = peerMessage(data, documentName)
        if (!message || message.sender === self) return
        Y.applyUpdate(document, message.update, redis.redisTransactionOrigin)
        if (message.kind === SYNC_STEP_2) answered.add(message.sender)
        if (answered.size >= peers) caughtUp()
      }
      // Listening before counting: an answer to the Redis extension's own request is not missed.
      redis.sub.on('messageBuffer', onMessage)
      let timer: NodeJS.Timeout | undefined
      try {
        const [, subscribers] = (await redis.pub.pubsub('NUMSUB', channel)) as [string, number | string]
        peers = Number(subscribers) - 1
        if (peers <= 0 || answered.size >= peers) return
        await askPeers()
        const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)))
        if ((await Promise.race([done, late])) === 'late') log(`${documentName}: ${answered.size} of ${peers} other nodes answered within ${timeoutMs} ms; serving what this node has`)
      } finally {
        clearTimeout(timer)
        redis.sub.off('messageBuffer', onMessage)
      }
      // Edits a node made while this one waited, and the presence the Redis extension asked for,
      // came to a document not yet registered here (and were dropped): ask again, once it is.
      setTimeout(() => {
        void askPeers()
        void redis.pub.publish(channel, framed(self, new OutgoingMessage(documentName).writeQueryAwareness().toUint8Array()))
      }, 0)
    },
  }
}

/** A message on a document's channel as the Redis extension frames it: [length][sender id][Hocuspocus message]. */
function framed(sender: string, message: Uint8Array): Buffer {
  const id = Buffer.from(sender, 'utf-8')
  return Buffer.concat([Buffer.from([id.length]), id, Buffer.from(message)])
}

/** The state a peer's message carries for `documentName` (a sync step 2 or an update), or null. */
function peerMessage(data: Buffer, documentName: string): { sender: string; kind: number; update: Uint8Array } | null {
  try {
    const length = data[0]
    const sender = data.toString('utf-8', 1, length + 1)
    const decoder = decoding.createDecoder(data.subarray(length + 1))
    if (decoding.readVarString(decoder) !== documentName) return null
    const type = decoding.readVarUint(decoder)
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null
    const kind = decoding.readVarUint(decoder)
    if (kind !== SYNC_STEP_2 && kind !== SYNC_UPDATE) return null
    return { sender, kind, update: decoding.readVarUint8Array(decoder) }
  } catch {
    return null
  }
}
