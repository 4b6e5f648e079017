// The default risk rules. Words are those the articles' mediators listen for (打、砍、刀、
// 不想活 …) in Chinese and in Mongolian; a station adds its own through MEDIATION_CONFIG.
// Mongolian: ᠠᠯᠠᠨ᠎ᠠ "will kill", ᠵᠣᠳᠣᠯᠭ᠎ᠠ "beating", ᠬᠤᠲᠤᠭ᠎ᠠ "knife", ᠵᠡᠪᠰᠡᠭ "weapon",
// ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠬᠥᠨᠥᠭᠡ- "destroy oneself". Not ᠪᠤᠤ: it is "gun" but also the everyday "don't"
// (ᠪᠤᠤ ᠣᠷᠣᠭᠤᠯ "don't let in"), so every second complaint would raise a weapon alert.
import type { RiskRule } from './risk'

export const DEFAULT_RISK_RULES: RiskRule[] = [
  {
    id: 'threat-of-violence',
    kind: 'keywords',
    category: 'violence',
    keywords: ['打死', '弄死', '杀了', '杀死', '报复', '威胁', '动手打', '打人', '砍', '拼命', 'ᠠᠯᠠᠨ᠎ᠠ', 'ᠵᠣᠳᠣᠯᠭ᠎ᠠ'],
  },
  { id: 'weapon', kind: 'keywords', category: 'weapon', keywords: ['刀', '枪', '斧', '棍棒', '炸药', '汽油', 'ᠬᠤᠲᠤᠭ᠎ᠠ', 'ᠵᠡᠪᠰᠡᠭ'] },
  { id: 'self-harm', kind: 'keywords', category: 'self_harm', keywords: ['不想活', '自杀', '轻生', '跳楼', '喝农药', 'ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠬᠥᠨᠥᠭᠡ'] },
  { id: 'danger-now', kind: 'danger_now', category: 'danger_now' },
  { id: 'repeat-dispute', kind: 'repeat_parties', category: 'repeat', minEarlierCases: 1 },
]
