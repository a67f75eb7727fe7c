import { foldText } from './fold.js'

// Words that carry no theme, in English and Vietnamese, compared folded (so "không" and "khong"
// are one). Kept short on purpose: a word left out only costs a weak theme, a word put in
// wrongly hides a real one ("card", "size", "ship" must stay).
const ENGLISH = `a an the and or but if so to of in on at for from by with without about as is are was were be been being
i me my we our you your he she it its they them their this that these those there here what which who whom when where why how
do does did done have has had having not no nor too very just only also again more most much many some any all each every
can could would should will shall may might must am get got getting really quite still even ever than then once
one two first last step page time times thing things way lot bit please thanks thank ok okay yes dont didnt cant wont im ive`

const VIETNAMESE = `và hoặc nhưng thì là mà của cho với trong ngoài trên dưới ở tại từ đến về như để khi nếu vì nên
tôi mình em anh chị bạn họ nó chúng ta chúng tôi ai gì nào đâu sao này kia đó ấy
có không chưa đã đang sẽ được bị rất quá lắm hơn nhất cũng vẫn còn chỉ mới lại nữa ra vào lên xuống
một hai các những mọi nhiều ít cái con chiếc lần lúc thấy làm phải cần muốn nhé ạ à ơi nha thôi rồi hết
thì là nhưng vậy thế mà nó hàng`

/** Stop words of both languages, folded. */
export const STOP_WORDS: ReadonlySet<string> = new Set(foldText(`${ENGLISH} ${VIETNAMESE}`).split(' '))
