# คำที่ใช้ทั่วทั้ง prakan
app-name = prakan ประกัน
loading = กำลังโหลด…
language-switched = เปลี่ยนเป็นภาษาไทยสำหรับการใช้งานครั้งนี้แล้ว
language-saved = บันทึกภาษาไทยเป็นภาษาที่คุณต้องการแล้ว
connection-restored = เชื่อมต่อฐานข้อมูลได้อีกครั้งแล้ว
role-name = { $role ->
        [agent] ตัวแทนขาย
        [underwriter] ผู้พิจารณารับประกันภัย
        [adjuster] เจ้าหน้าที่สินไหม
        [surveyor] พนักงานสำรวจภัย
        [finance] การเงิน
        [auditor] ผู้ตรวจสอบ
        [admin] ผู้ดูแลระบบ
       *[other] { $role }
    }
language-name = { $code ->
        [th] ไทย
        [en] อังกฤษ
       *[other] { $code }
    }
demo-for-agent = ตัวแทน: ลูกค้าและใบเสนอราคาของตนเอง
demo-for-agent-other = ตัวแทน: ลูกค้าของตัวแทนอีกคน
demo-for-underwriter = ผู้พิจารณารับประกันภัย วงเงินถึง ฿1,500,000
demo-for-underwriter-senior = ผู้พิจารณารับประกันภัยอาวุโส วงเงินถึง ฿5,000,000
demo-for-adjuster-50k = เจ้าหน้าที่สินไหม อนุมัติได้ถึง ฿50,000
demo-for-adjuster-200k = เจ้าหน้าที่สินไหม อนุมัติได้ถึง ฿200,000
demo-for-adjuster-senior = เจ้าหน้าที่สินไหมอาวุโส อนุมัติได้ถึง ฿2,000,000
demo-for-surveyor = พนักงานสำรวจภัย: เคลมที่ได้รับมอบหมาย
demo-for-finance = การเงิน: การรับชำระและกระทบยอด
demo-for-auditor = ผู้ตรวจสอบ: อ่านได้ทุกอย่าง
demo-for-admin = ผู้ดูแลระบบ: พนักงานและการตั้งค่า
date-unreadable = พิมพ์วันที่เป็น วัน/เดือน/ปี เช่น 15/01/2530 หรือ 15/01/1987
date-no-such-date = ไม่มีวันที่นี้
